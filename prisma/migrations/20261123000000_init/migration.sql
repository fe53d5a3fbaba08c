-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('APPLICANT', 'REVIEWER', 'ADMIN');

-- CreateEnum
CREATE TYPE "SubjectNature" AS ENUM ('INDIVIDUAL', 'ENTERPRISE', 'PUBLIC_INSTITUTION', 'SOCIAL_ORGANIZATION', 'GOVERNMENT', 'PRIVATE_NON_ENTERPRISE', 'FOUNDATION', 'LAW_FIRM', 'MILITARY', 'FOREIGN_CULTURAL_CENTER', 'MASS_ORGANIZATION', 'JUDICIAL_EXPERTISE', 'RELIGIOUS_ORGANIZATION', 'MEDICAL_INSTITUTION', 'NOTARY');

-- CreateEnum
CREATE TYPE "CertificateType" AS ENUM ('RESIDENT_ID', 'PASSPORT', 'TAIWAN_COMPATRIOT_PERMIT', 'HK_MACAU_TRAVEL_PERMIT', 'FOREIGN_PERMANENT_RESIDENT_ID', 'HK_MACAU_TW_RESIDENCE_PERMIT', 'OFFICER_ID', 'BUSINESS_LICENSE', 'ORGANIZATION_CODE', 'PUBLIC_INSTITUTION_CERTIFICATE', 'SOCIAL_ORGANIZATION_CERTIFICATE', 'PRIVATE_NON_ENTERPRISE_CERTIFICATE', 'FOUNDATION_CERTIFICATE', 'LAW_FIRM_LICENSE', 'GOVERNMENT_CREDIT_CODE', 'MILITARY_UNIT_CODE', 'FOREIGN_CULTURAL_CENTER_CERTIFICATE', 'MASS_ORGANIZATION_CERTIFICATE', 'JUDICIAL_EXPERTISE_LICENSE', 'RELIGIOUS_ACTIVITY_CERTIFICATE', 'MEDICAL_INSTITUTION_LICENSE', 'NOTARY_LICENSE');

-- CreateEnum
CREATE TYPE "FilingType" AS ENUM ('FIRST', 'ADD_WEBSITE', 'ACCESS', 'CHANGE', 'CANCEL_SUBJECT', 'CANCEL_WEBSITE', 'CANCEL_ACCESS');

-- CreateEnum
CREATE TYPE "FilingVariant" AS ENUM ('ADD_WEBSITE_HERE', 'ADD_WEBSITE_ELSEWHERE', 'ACCESS_NEW', 'ACCESS_CONTINUED');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('DRAFT', 'PENDING_INITIAL_REVIEW', 'INITIAL_REJECTED', 'NEEDS_CHANGES', 'AWAITING_MAILED_MATERIALS', 'PENDING_SMS_VERIFICATION', 'PENDING_MIIT_REVIEW', 'APPROVED', 'MIIT_REJECTED', 'WITHDRAWN', 'EXPIRED');

-- CreateEnum
CREATE TYPE "SubjectStatus" AS ENUM ('DRAFT', 'FILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "WebsiteStatus" AS ENUM ('DRAFT', 'FILED', 'CANCELLED', 'ACCESS_CANCELLED');

-- CreateEnum
CREATE TYPE "ServiceKind" AS ENUM ('WEBSITE', 'APP', 'MINI_PROGRAM', 'QUICK_APP');

-- CreateEnum
CREATE TYPE "OrderWebsiteAction" AS ENUM ('ADD', 'ACCESS', 'CHANGE', 'KEEP', 'CANCEL', 'CANCEL_ACCESS');

-- CreateEnum
CREATE TYPE "ProductVerification" AS ENUM ('SERVER_INSTANCE', 'SERVICE_CODE');

-- CreateEnum
CREATE TYPE "BillingMode" AS ENUM ('PREPAID', 'PAY_AS_YOU_GO');

-- CreateEnum
CREATE TYPE "PreApprovalKind" AS ENUM ('NEWS', 'PUBLISHING', 'DRUGS_MEDICAL_DEVICES', 'CULTURE', 'RADIO_FILM_TV', 'EDUCATION', 'MEDICAL_HEALTH', 'RIDE_HAILING', 'ELECTRONIC_BULLETIN', 'OTHER');

-- CreateEnum
CREATE TYPE "MaterialKind" AS ENUM ('CERTIFICATE_FRONT', 'CERTIFICATE_BACK', 'SUBJECT_CERTIFICATE', 'PRINCIPAL_PHOTO', 'COMMITMENT_LETTER', 'AUTHENTICITY_FORM', 'PRE_APPROVAL_DOCUMENT', 'DOMAIN_CERTIFICATE', 'AUTHORIZATION_LETTER', 'RESIDENCE_PERMIT', 'OTHER');

-- CreateEnum
CREATE TYPE "AuthenticityResult" AS ENUM ('PENDING', 'PASSED', 'FAILED');

-- CreateEnum
CREATE TYPE "SmsRole" AS ENUM ('SUBJECT_PRINCIPAL', 'WEBSITE_PRINCIPAL');

-- CreateEnum
CREATE TYPE "OrderEventType" AS ENUM ('CREATED', 'STATUS_CHANGED', 'UPDATED', 'COMMENTED', 'SMS_SENT', 'SMS_VERIFIED', 'MATERIAL_ADDED', 'PERSONAL_DATA_VIEWED');

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'APPLICANT',
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "certificateType" "CertificateType" NOT NULL,
    "certificateNumber" TEXT NOT NULL,
    "validFrom" DATE,
    "validTo" DATE,
    "longTerm" BOOLEAN NOT NULL DEFAULT false,
    "mobile" TEXT NOT NULL,
    "phone2" TEXT,
    "emergencyPhone" TEXT,
    "email" TEXT NOT NULL,
    "hkMacauIdentityNumber" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subject" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "status" "SubjectStatus" NOT NULL DEFAULT 'DRAFT',
    "provinceCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "county" TEXT,
    "nature" "SubjectNature" NOT NULL,
    "certificateType" "CertificateType" NOT NULL,
    "certificateNumber" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "certificateAddress" TEXT NOT NULL,
    "communicationAddress" TEXT NOT NULL,
    "communicationAddressFinal" BOOLEAN NOT NULL DEFAULT false,
    "investor" TEXT,
    "remark" TEXT,
    "principalId" TEXT NOT NULL,
    "icpNumber" TEXT,
    "lastWebsiteSuffix" INTEGER NOT NULL DEFAULT 0,
    "filedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Subject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Website" (
    "id" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "status" "WebsiteStatus" NOT NULL DEFAULT 'DRAFT',
    "kind" "ServiceKind" NOT NULL DEFAULT 'WEBSITE',
    "name" TEXT NOT NULL,
    "homepageUrls" TEXT[],
    "contentCategory" TEXT NOT NULL,
    "serviceType" TEXT NOT NULL DEFAULT 'NON_COMMERCIAL',
    "languages" TEXT[],
    "remark" TEXT,
    "principalId" TEXT NOT NULL,
    "accessMethod" TEXT,
    "serverLocation" TEXT,
    "ipAddresses" TEXT[],
    "productVerification" "ProductVerification",
    "serverInstanceId" TEXT,
    "icpNumber" TEXT,
    "icpSuffix" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Website_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Domain" (
    "id" TEXT NOT NULL,
    "websiteId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Domain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PreApproval" (
    "id" TEXT NOT NULL,
    "websiteId" TEXT NOT NULL,
    "kind" "PreApprovalKind" NOT NULL,
    "documentNumber" TEXT NOT NULL,
    "issuer" TEXT,
    "materialId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PreApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServerInstance" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "billing" "BillingMode" NOT NULL,
    "prepaidMonths" INTEGER,
    "ipAddresses" TEXT[],
    "maxServiceCodes" INTEGER NOT NULL DEFAULT 5,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServerInstance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceCode" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "serverInstanceId" TEXT NOT NULL,
    "websiteId" TEXT,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "filingType" "FilingType" NOT NULL,
    "variant" "FilingVariant",
    "status" "OrderStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "subjectChanges" JSONB,
    "reviewComments" JSONB,
    "lastReason" TEXT,
    "mailedMaterials" BOOLEAN NOT NULL DEFAULT false,
    "firstSubmittedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "smsDeadline" TIMESTAMP(3),
    "miitSubmittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderWebsite" (
    "orderId" TEXT NOT NULL,
    "websiteId" TEXT NOT NULL,
    "action" "OrderWebsiteAction" NOT NULL,
    "changes" JSONB,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OrderWebsite_pkey" PRIMARY KEY ("orderId","websiteId")
);

-- CreateTable
CREATE TABLE "Material" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "websiteId" TEXT,
    "kind" "MaterialKind" NOT NULL,
    "documentCode" TEXT,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "authenticity" "AuthenticityResult" NOT NULL DEFAULT 'PENDING',
    "authenticityDetail" TEXT,
    "checkedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Material_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsVerification" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "mobile" TEXT NOT NULL,
    "roles" "SmsRole"[],
    "certificateSuffixHash" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "resendCount" INTEGER NOT NULL DEFAULT 0,
    "attemptCount" INTEGER NOT NULL DEFAULT 0,
    "verifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" BIGSERIAL NOT NULL,
    "orderId" TEXT NOT NULL,
    "type" "OrderEventType" NOT NULL,
    "actorId" TEXT,
    "actorRole" TEXT NOT NULL,
    "fromStatus" "OrderStatus",
    "toStatus" "OrderStatus",
    "reason" TEXT,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "OrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "field" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IcpCounter" (
    "provinceCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IcpCounter_pkey" PRIMARY KEY ("provinceCode","year")
);

-- CreateTable
CREATE TABLE "RegistryFiling" (
    "id" TEXT NOT NULL,
    "subjectName" TEXT NOT NULL,
    "nature" "SubjectNature" NOT NULL,
    "certificateType" "CertificateType" NOT NULL,
    "certificateNumber" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "subjectIcpNumber" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "websiteName" TEXT NOT NULL,
    "websiteIcpNumber" TEXT NOT NULL,
    "provider" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistryFiling_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Account_email_key" ON "Account"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_accountId_idx" ON "Session"("accountId");

-- CreateIndex
CREATE INDEX "Person_emergencyPhone_idx" ON "Person"("emergencyPhone");

-- CreateIndex
CREATE INDEX "Person_email_idx" ON "Person"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Subject_icpNumber_key" ON "Subject"("icpNumber");

-- CreateIndex
CREATE INDEX "Subject_ownerId_idx" ON "Subject"("ownerId");

-- CreateIndex
CREATE INDEX "Subject_provinceCode_idx" ON "Subject"("provinceCode");

-- CreateIndex
CREATE UNIQUE INDEX "Subject_certificateType_certificateNumber_key" ON "Subject"("certificateType", "certificateNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Website_icpNumber_key" ON "Website"("icpNumber");

-- CreateIndex
CREATE INDEX "Website_subjectId_idx" ON "Website"("subjectId");

-- CreateIndex
CREATE INDEX "Website_ownerId_idx" ON "Website"("ownerId");

-- CreateIndex
CREATE INDEX "Website_serverInstanceId_idx" ON "Website"("serverInstanceId");

-- CreateIndex
CREATE UNIQUE INDEX "Domain_name_key" ON "Domain"("name");

-- CreateIndex
CREATE INDEX "Domain_websiteId_idx" ON "Domain"("websiteId");

-- CreateIndex
CREATE UNIQUE INDEX "PreApproval_materialId_key" ON "PreApproval"("materialId");

-- CreateIndex
CREATE INDEX "PreApproval_websiteId_idx" ON "PreApproval"("websiteId");

-- CreateIndex
CREATE UNIQUE INDEX "ServerInstance_instanceId_key" ON "ServerInstance"("instanceId");

-- CreateIndex
CREATE INDEX "ServerInstance_ownerId_idx" ON "ServerInstance"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceCode_code_key" ON "ServiceCode"("code");

-- CreateIndex
CREATE INDEX "ServiceCode_serverInstanceId_idx" ON "ServiceCode"("serverInstanceId");

-- CreateIndex
CREATE INDEX "ServiceCode_websiteId_idx" ON "ServiceCode"("websiteId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");

-- CreateIndex
CREATE INDEX "Order_ownerId_idx" ON "Order"("ownerId");

-- CreateIndex
CREATE INDEX "Order_subjectId_idx" ON "Order"("subjectId");

-- CreateIndex
CREATE INDEX "Order_status_provinceCode_idx" ON "Order"("status", "provinceCode");

-- CreateIndex
CREATE INDEX "Order_status_expiresAt_idx" ON "Order"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "Order_status_smsDeadline_idx" ON "Order"("status", "smsDeadline");

-- CreateIndex
CREATE INDEX "OrderWebsite_websiteId_idx" ON "OrderWebsite"("websiteId");

-- CreateIndex
CREATE INDEX "Material_orderId_idx" ON "Material"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "SmsVerification_orderId_mobile_key" ON "SmsVerification"("orderId", "mobile");

-- CreateIndex
CREATE INDEX "OrderEvent_orderId_id_idx" ON "OrderEvent"("orderId", "id");

-- CreateIndex
CREATE INDEX "OrderEvent_type_id_idx" ON "OrderEvent"("type", "id");

-- CreateIndex
CREATE INDEX "OrderEvent_publishedAt_id_idx" ON "OrderEvent"("publishedAt", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_targetType_targetId_idx" ON "AuditEntry"("targetType", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "RegistryFiling_domain_key" ON "RegistryFiling"("domain");

-- CreateIndex
CREATE INDEX "RegistryFiling_certificateType_certificateNumber_idx" ON "RegistryFiling"("certificateType", "certificateNumber");

-- CreateIndex
CREATE INDEX "RegistryFiling_websiteIcpNumber_idx" ON "RegistryFiling"("websiteIcpNumber");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subject" ADD CONSTRAINT "Subject_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subject" ADD CONSTRAINT "Subject_principalId_fkey" FOREIGN KEY ("principalId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Website" ADD CONSTRAINT "Website_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Website" ADD CONSTRAINT "Website_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Website" ADD CONSTRAINT "Website_principalId_fkey" FOREIGN KEY ("principalId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Website" ADD CONSTRAINT "Website_serverInstanceId_fkey" FOREIGN KEY ("serverInstanceId") REFERENCES "ServerInstance"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Domain" ADD CONSTRAINT "Domain_websiteId_fkey" FOREIGN KEY ("websiteId") REFERENCES "Website"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreApproval" ADD CONSTRAINT "PreApproval_websiteId_fkey" FOREIGN KEY ("websiteId") REFERENCES "Website"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreApproval" ADD CONSTRAINT "PreApproval_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServerInstance" ADD CONSTRAINT "ServerInstance_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceCode" ADD CONSTRAINT "ServiceCode_serverInstanceId_fkey" FOREIGN KEY ("serverInstanceId") REFERENCES "ServerInstance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceCode" ADD CONSTRAINT "ServiceCode_websiteId_fkey" FOREIGN KEY ("websiteId") REFERENCES "Website"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderWebsite" ADD CONSTRAINT "OrderWebsite_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderWebsite" ADD CONSTRAINT "OrderWebsite_websiteId_fkey" FOREIGN KEY ("websiteId") REFERENCES "Website"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_websiteId_fkey" FOREIGN KEY ("websiteId") REFERENCES "Website"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmsVerification" ADD CONSTRAINT "SmsVerification_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderEvent" ADD CONSTRAINT "OrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderEvent" ADD CONSTRAINT "OrderEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

