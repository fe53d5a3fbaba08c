import { builder } from '../builder.js';
import * as L from './labels.js';

const labelled = <T extends string>(name: string, description: string, labels: L.Labels<T>) =>
  builder.enumType(name, { description, values: L.describedValues(labels) });

export const RoleEnum = labelled('Role', 'What an account may do.', L.ROLE);
export const ActorRoleEnum = labelled('ActorRole', 'Who acted in a history entry: an account’s role, or the server itself.', L.ACTOR_ROLE);
export const SubjectNatureEnum = labelled('SubjectNature', '主办单位性质: the nature of a subject.', L.SUBJECT_NATURE);
export const CertificateTypeEnum = labelled('CertificateType', '证件类型: identity or registration document types.', L.CERTIFICATE_TYPE);
export const FilingTypeEnum = labelled('FilingType', '备案类型: what a filing order does.', L.FILING_TYPE);
export const FilingVariantEnum = labelled('FilingVariant', 'Flavours of 新增网站 and 接入备案.', L.FILING_VARIANT);
export const OrderStatusEnum = labelled('OrderStatus', '备案订单状态: where an order stands (docs/WORKFLOW.md).', L.ORDER_STATUS);
export const SubjectStatusEnum = labelled('SubjectStatus', 'Where a subject stands with MIIT.', L.SUBJECT_STATUS);
export const WebsiteStatusEnum = labelled('WebsiteStatus', 'Where a website stands with MIIT and this provider.', L.WEBSITE_STATUS);
export const ServiceKindEnum = labelled('ServiceKind', 'Kind of internet information service; decides the ICP number suffix.', L.SERVICE_KIND);
export const OrderWebsiteActionEnum = labelled('OrderWebsiteAction', 'What an order does to one website.', L.ORDER_WEBSITE_ACTION);
export const ProductVerificationEnum = labelled('ProductVerification', '产品验证: how a website proves it is hosted here.', L.PRODUCT_VERIFICATION);
export const BillingModeEnum = labelled('BillingMode', 'How a server is paid for.', L.BILLING_MODE);
export const PreApprovalKindEnum = labelled('PreApprovalKind', '前置审批: industries that need an approval before filing.', L.PRE_APPROVAL_KIND);
export const MaterialKindEnum = labelled('MaterialKind', 'What an uploaded document is.', L.MATERIAL_KIND);
export const AuthenticityResultEnum = labelled('AuthenticityResult', 'Outcome of a document’s authenticity check.', L.AUTHENTICITY_RESULT);
export const SmsRoleEnum = labelled('SmsRole', 'People an SMS verification code is sent to.', L.SMS_ROLE);
export const OrderEventTypeEnum = labelled('OrderEventType', 'Kinds of order history entries.', L.ORDER_EVENT_TYPE);
export const ContentCategoryEnum = labelled('ContentCategory', '网站内容: what a website is about.', L.CONTENT_CATEGORY);
export const ServiceTypeEnum = labelled('ServiceType', '服务类型: commercial or not.', L.SERVICE_TYPE);
export const RequirementStatusEnum = labelled('RequirementStatus', 'How firmly a requirement applies.', L.REQUIREMENT_STATUS);
export const RequirementKindEnum = labelled('RequirementKind', 'What a province requirement asks for.', L.REQUIREMENT_KIND);
export const RuleSectionEnum = labelled('RuleSection', 'Sections of a province module.', L.RULE_SECTION);
export const NatureScopeEnum = labelled('NatureScopeKind', 'Which subjects a rule is for.', L.NATURE_SCOPE);
export const AppPlatformKindEnum = labelled('AppPlatformKind', '平台: where an APP, mini-program or quick app runs.', L.APP_PLATFORM_KIND);
export const AppKindEnum = labelled('AppKind', 'Kinds of internet-information service other than websites (APP备案).', {
  APP: L.SERVICE_KIND.APP,
  MINI_PROGRAM: L.SERVICE_KIND.MINI_PROGRAM,
  QUICK_APP: L.SERVICE_KIND.QUICK_APP,
});
