import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/harness.js';
import { companySubject, person, residentId, reviewer, server, signUp, uploadRequiredMaterials, website } from '../support/fixtures.js';
import { approveAll, must, startAndSubmit, startCancellation, startChangeFiling } from '../support/workflow.js';

// 湖北 in 2019: SMS verification under the pilot (from 2018-09-24), whose role table differs from the
// nationwide one of 2020-08-17 (seed 002 附录二: 注销 needs no codes; seed 003 later adds them).
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ start: '2019-06-03T02:00:00Z' });
});
afterAll(async () => {
  await s?.close();
});

describe('change and cancellation under the 2019 pilot rules in 湖北', () => {
  it('a subject change is verified by the subject principal alone; 注销网站 needs no SMS', async () => {
    const staff = await reviewer(s);
    const applicant = await signUp(s, '武汉启明');
    const instance = await server(s, applicant.accountId);
    const subject = companySubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '武汉市', region: '420106', name: '武汉启明信息技术有限公司' });
    subject.principal.validFrom = '2015-01-01';
    const webPrincipal = person({ name: '吴刚', certificateNumber: residentId('420106'), validFrom: '2015-01-01' });
    const site = { ...website({ name: '启明信息技术官网', domain: 'qiming-it.cn', serverInstanceId: instance, principal: webPrincipal }), contentCategory: 'ENTERPRISE_PORTAL' };
    const people = [subject.principal, webPrincipal];

    const first = await startAndSubmit(s, applicant.token, { subject, websites: [site] });
    const { order: filed, smsTo: firstSms } = await approveAll(s, staff, applicant.token, first, people);
    expect(firstSms).toHaveLength(2);
    expect(filed.subject.icpNumber).toBe('鄂ICP备2019000001号');
    const websiteId = filed.websites[0].website.id;

    const change = await startChangeFiling(s, applicant.token, {
      subjectId: filed.subject.id,
      subject: { ...subject, communicationAddress: '湖北省武汉市江汉区解放大道688号20层' },
    });
    expect(change.websites).toMatchObject([{ action: 'KEEP', website: { id: websiteId } }]);
    await uploadRequiredMaterials(s, applicant.token, change.id, 'UNIT');
    const submitted = await must(s, applicant.token, 'submitOrder', { orderId: change.id, version: change.version });
    const { smsTo: changeSms } = await approveAll(s, staff, applicant.token, submitted, people);
    expect(changeSms).toEqual([subject.principal.mobile]);

    const cancel = await startCancellation(s, applicant.token, { type: 'CANCEL_WEBSITE', subjectId: filed.subject.id, websiteIds: [websiteId], reason: '网站停止运营' });
    const cancelSubmitted = await must(s, applicant.token, 'submitOrder', { orderId: cancel.id, version: cancel.version });
    const passed = await must(s, staff, 'approveInitialReview', { orderId: cancel.id, version: cancelSubmitted.version });
    expect(passed.status).toBe('PENDING_MIIT_REVIEW');
  });
});
