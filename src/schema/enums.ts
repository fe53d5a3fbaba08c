import { builder } from '../builder.js';
import {
  AuthenticityResult,
  BillingMode,
  CertificateType,
  FilingType,
  FilingVariant,
  MaterialKind,
  OrderEventType,
  OrderStatus,
  OrderWebsiteAction,
  PreApprovalKind,
  ProductVerification,
  Role,
  ServiceKind,
  SmsRole,
  SubjectNature,
  SubjectStatus,
  WebsiteStatus,
} from '../generated/prisma/enums.js';

export const RoleEnum = builder.enumType(Role, { name: 'Role' });
export const SubjectNatureEnum = builder.enumType(SubjectNature, {
  name: 'SubjectNature',
  description: '主办单位性质',
});
export const CertificateTypeEnum = builder.enumType(CertificateType, { name: 'CertificateType', description: '证件类型' });
export const FilingTypeEnum = builder.enumType(FilingType, { name: 'FilingType', description: '备案类型' });
export const FilingVariantEnum = builder.enumType(FilingVariant, { name: 'FilingVariant' });
export const OrderStatusEnum = builder.enumType(OrderStatus, { name: 'OrderStatus' });
export const SubjectStatusEnum = builder.enumType(SubjectStatus, { name: 'SubjectStatus' });
export const WebsiteStatusEnum = builder.enumType(WebsiteStatus, { name: 'WebsiteStatus' });
export const ServiceKindEnum = builder.enumType(ServiceKind, { name: 'ServiceKind' });
export const OrderWebsiteActionEnum = builder.enumType(OrderWebsiteAction, { name: 'OrderWebsiteAction' });
export const ProductVerificationEnum = builder.enumType(ProductVerification, { name: 'ProductVerification' });
export const BillingModeEnum = builder.enumType(BillingMode, { name: 'BillingMode' });
export const PreApprovalKindEnum = builder.enumType(PreApprovalKind, { name: 'PreApprovalKind', description: '前置审批' });
export const MaterialKindEnum = builder.enumType(MaterialKind, { name: 'MaterialKind' });
export const AuthenticityResultEnum = builder.enumType(AuthenticityResult, { name: 'AuthenticityResult' });
export const SmsRoleEnum = builder.enumType(SmsRole, { name: 'SmsRole' });
export const OrderEventTypeEnum = builder.enumType(OrderEventType, { name: 'OrderEventType' });
