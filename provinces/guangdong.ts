/** 广东省 (粤): Individual naming bans, the signed commitment letter from 2021-06-21, 管局 review about a week. */
import { individualBannedWords, reviewEstimate } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'guangdong',
  name: '广东省',
  shortName: '广东',
  nameEn: 'Guangdong',
  abbreviation: '粤',
  divisionCode: '44',
  source: cite('identity'),

  naming: [
    individualBannedWords({ zh: '广东', en: 'Guangdong' }, '媒体、股票、证券、彩票、体彩、刮刮乐、导航、论坛、社区、交流、商城、交易、返现、批发、利润、商务。'),
  ],

  reviewEstimates: [reviewEstimate('1 周')],

  requirements: [
    {
      id: 'commitment-letter',
      kind: 'document',
      document: 'GUANGDONG_COMMITMENT_LETTER',
      appliesTo: 'all',
      enforcement: 'error',
      effectiveFrom: '2021-06-21',
      title: {
        zh: '提交至广东省管局的ICP备案申请均需签署《互联网信息服务备案承诺书》',
        en: 'Every filing submitted to the Guangdong 管局 includes the signed 互联网信息服务备案承诺书',
      },
      source: cite('seed003', '上传资料'),
    },
  ],
});
