/** 云南省 (滇): SMS pilot from 2018-09-10; 管局 review about three weeks; local IDs only. */
import { individualFilingRegion, reviewEstimate, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'yunnan',
  name: '云南省',
  shortName: '云南',
  nameEn: 'Yunnan',
  abbreviation: '滇',
  divisionCode: '53',
  source: cite('identity'),

  smsMandates: [smsPilot('2018-09-10')],

  reviewEstimates: [reviewEstimate('3 周')],

  requirements: [
    individualFilingRegion('local-id-only'),
  ],
});
