import { testProvince } from './kit/tester.js';

testProvince('jiangsu', {
  seed: { individualBannedWords: null, reviewEstimate: '1 周', smsPilotFrom: null },
  names: {
    valid: [
      { name: '王小明的个人博客', subjectName: '王小明', remark: '分享读书心得和旅行照片' },
      { name: '王小明的个人主页', subjectName: '王小明', remark: '个人简历和作品' },
      { name: '星辰科技官网', subjectName: '南京星辰科技有限公司', nature: 'ENTERPRISE' },
    ],
    invalid: [
      { name: '王小明的读书笔记', subjectName: '王小明', remark: '读书心得', errors: [{ rule: 'jiangsu/individual-name-pattern', field: 'name' }] },
      { name: '王小明的个人博客', subjectName: '王小明', remark: ' ', errors: [{ rule: 'jiangsu/individual-name-pattern', field: 'remark' }] },
      // Seed 002 附录二: "并在备注中说明网站开通后的主要内容" — no remark at all is no statement of the content.
      { name: '王小明的个人主页', subjectName: '王小明', errors: [{ rule: 'jiangsu/individual-name-pattern', field: 'remark' }] },
      {
        name: '张三的个人博客',
        subjectName: '王小明',
        remark: '读书心得',
        errors: [{ rule: 'jiangsu/individual-name-pattern', matched: '张三的个人博客' }, 'national/related-to-subject'],
      },
      {
        name: '王小明的个人博客！',
        subjectName: '王小明',
        remark: '读书心得',
        errors: ['jiangsu/individual-name-pattern', { rule: 'national/no-special-symbols', matched: '！' }],
      },
    ],
  },
  estimates: [{ submittedAt: '2024-09-27T10:00:00+08:00', expect: { minWorkingDays: 5, maxWorkingDays: 5 } }],
  requirements: {
    valid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '11010519491231002X', hasResidencePermit: true },
      },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '11010519491231002X', hasResidencePermit: false },
        errors: ['jiangsu/individual-filing-region'],
      },
    ],
  },
});
