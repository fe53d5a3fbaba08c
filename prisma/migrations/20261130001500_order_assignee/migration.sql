-- AlterEnum
ALTER TYPE "OrderEventType" ADD VALUE 'ASSIGNED';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "assignedAt" TIMESTAMP(3),
ADD COLUMN     "assigneeId" TEXT;

-- CreateIndex
CREATE INDEX "Order_assigneeId_status_idx" ON "Order"("assigneeId", "status");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

