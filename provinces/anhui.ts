/** 安徽省 (皖): SMS pilot from 2018-09-24; 管局 review about a week. */
import { reviewEstimate, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'anhui',
  name: '安徽省',
  shortName: '安徽',
  nameEn: 'Anhui',
  abbreviation: '皖',
  divisionCode: '34',
  source: cite('identity'),

  smsMandates: [smsPilot('2018-09-24')],

  reviewEstimates: [reviewEstimate('1 周')],
});
