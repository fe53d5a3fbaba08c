/** The filing-type labels a frontend shows name the kind of item an order adds or cancels (table tests of the pure function behind `Order.filingTypeLabel`). */
import { describe, expect, it } from 'vitest';
import { filingTypeLabel, filingVariantLabel, type LabelledItem } from '../src/schema/labels.js';

const item = (kind: LabelledItem['kind'], action: LabelledItem['action'] = 'ADD'): LabelledItem => ({ kind, action });

describe('filing-type labels by kind of item', () => {
  it.each([
    ['ADD_WEBSITE', [item('WEBSITE')], '新增网站'],
    ['ADD_WEBSITE', [item('APP')], '新增APP'],
    ['ADD_WEBSITE', [item('MINI_PROGRAM'), item('MINI_PROGRAM')], '新增小程序'],
    ['ADD_WEBSITE', [item('QUICK_APP')], '新增快应用'],
    ['ADD_WEBSITE', [item('WEBSITE'), item('APP')], '新增互联网信息服务'],
    // Only what the order adds counts: a kept website beside an added APP.
    ['ADD_WEBSITE', [item('WEBSITE', 'KEEP'), item('APP')], '新增APP'],
    ['ADD_WEBSITE', [], '新增网站'],
    ['CANCEL_WEBSITE', [item('APP', 'CANCEL')], '注销APP'],
    ['CANCEL_WEBSITE', [item('WEBSITE', 'CANCEL')], '注销网站'],
    ['FIRST', [item('APP')], '首次备案'],
    ['CHANGE', [item('APP', 'CHANGE')], '变更备案'],
    ['CANCEL_ACCESS', [item('APP', 'CANCEL_ACCESS')], '取消接入'],
  ] as const)('%s with %j reads %s', (type, items, label) => {
    expect(filingTypeLabel(type, items)).toBe(label);
  });

  it('names the kind in the 新增 variants only', () => {
    expect(filingVariantLabel('ADD_WEBSITE_HERE', [item('APP')])).toBe('新增APP（原备案在本平台）');
    expect(filingVariantLabel('ADD_WEBSITE_ELSEWHERE', [item('QUICK_APP')])).toBe('新增快应用（原备案不在本平台）');
    expect(filingVariantLabel('ACCESS_NEW', [item('APP', 'ACCESS')])).toBe('新增接入');
  });
});
