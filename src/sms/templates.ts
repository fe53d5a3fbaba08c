import type { SmsMessage } from '../ports.js';

/**
 * The text messages the product sends, one Chinese template per message type. The template id is
 * what an SMS provider (Aliyun, Tencent Cloud) registers and approves; `{name}` placeholders are
 * filled from the message's params, which a relay can pass to the provider's own template instead.
 */
export const SMS_TEMPLATES = {
  /** 短信核验 code for an order (seed 003: valid 24 h). */
  ICP_VERIFICATION_CODE: '【ICP备案】您的备案订单 {order} 短信核验码为 {code}，{hours} 小时内有效。请勿告知他人。',
  /** The order was returned to the applicant. */
  ICP_ORDER_RETURNED: '【ICP备案】您的备案订单 {order} 已退回，原因：{reason}。请登录修改后重新提交。',
  /** The 管局 approved the filing. */
  ICP_FILING_APPROVED: '【ICP备案】您的备案订单 {order} 已通过管局审核，备案号：{icpNumber}。请在网站底部展示备案号并链接至工信部网站。',
  /** The 管局 rejected the filing. */
  ICP_FILING_REJECTED: '【ICP备案】您的备案订单 {order} 未通过管局审核，原因：{reason}。',
} as const;

export type SmsTemplate = keyof typeof SMS_TEMPLATES;

/** A message of one type, its text filled in from `params` (a missing param is an error, not a blank). */
export function renderSms(to: string, template: SmsTemplate, params: Record<string, string>): SmsMessage {
  const text = SMS_TEMPLATES[template].replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`SMS template ${template} needs the parameter ${name}`);
    return value;
  });
  return { to, template, params, text };
}
