/** 甘肃省 (甘): SMS pilot from 2017-12-18; 管局 review about three weeks; local IDs only. */
import { individualFilingRegion, mobileRegion2017, reviewEstimate, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'gansu',
  name: '甘肃省',
  shortName: '甘肃',
  nameEn: 'Gansu',
  abbreviation: '甘',
  divisionCode: '62',
  source: cite('identity'),

  smsMandates: [smsPilot('2017-12-18')],

  reviewEstimates: [reviewEstimate('3 周')],

  requirements: [
    individualFilingRegion('local-id-only'),
    mobileRegion2017(),
  ],
});
