-- CreateTable
CREATE TABLE "RegistryApp" (
    "id" TEXT NOT NULL,
    "subjectName" TEXT NOT NULL,
    "nature" "SubjectNature" NOT NULL,
    "certificateType" "CertificateType" NOT NULL,
    "certificateNumber" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "subjectIcpNumber" TEXT NOT NULL,
    "kind" "ServiceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "icpNumber" TEXT NOT NULL,
    "provider" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistryApp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RegistryApp_icpNumber_key" ON "RegistryApp"("icpNumber");

-- CreateIndex
CREATE INDEX "RegistryApp_certificateType_certificateNumber_idx" ON "RegistryApp"("certificateType", "certificateNumber");

-- CreateIndex
CREATE UNIQUE INDEX "RegistryApp_certificateType_certificateNumber_kind_name_key" ON "RegistryApp"("certificateType", "certificateNumber", "kind", "name");

