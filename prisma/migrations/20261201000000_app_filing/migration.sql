-- CreateEnum
CREATE TYPE "AppPlatformKind" AS ENUM ('ANDROID', 'IOS', 'HARMONYOS', 'OTHER', 'WECHAT', 'ALIPAY', 'BAIDU', 'BYTEDANCE', 'QQ', 'OTHER_MINI_PROGRAM', 'QUICK_APP_ALLIANCE');

-- AlterEnum
ALTER TYPE "MaterialKind" ADD VALUE 'APP_ICON';

-- CreateTable
CREATE TABLE "AppPlatform" (
    "id" TEXT NOT NULL,
    "websiteId" TEXT NOT NULL,
    "kind" "AppPlatformKind" NOT NULL,
    "packageName" TEXT,
    "appId" TEXT,
    "publicKey" TEXT,
    "md5Signature" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AppPlatform_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppSdk" (
    "id" TEXT NOT NULL,
    "websiteId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AppSdk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppDomain" (
    "id" TEXT NOT NULL,
    "websiteId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AppDomain_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AppPlatform_websiteId_idx" ON "AppPlatform"("websiteId");

-- CreateIndex
CREATE INDEX "AppSdk_websiteId_idx" ON "AppSdk"("websiteId");

-- CreateIndex
CREATE INDEX "AppDomain_websiteId_idx" ON "AppDomain"("websiteId");

-- CreateIndex
CREATE INDEX "AppDomain_name_idx" ON "AppDomain"("name");

-- AddForeignKey
ALTER TABLE "AppPlatform" ADD CONSTRAINT "AppPlatform_websiteId_fkey" FOREIGN KEY ("websiteId") REFERENCES "Website"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppSdk" ADD CONSTRAINT "AppSdk_websiteId_fkey" FOREIGN KEY ("websiteId") REFERENCES "Website"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppDomain" ADD CONSTRAINT "AppDomain_websiteId_fkey" FOREIGN KEY ("websiteId") REFERENCES "Website"("id") ON DELETE CASCADE ON UPDATE CASCADE;

