/** 重庆市 (渝): SMS pilot from 2018-09-10; 管局 review about 3 days; local IDs only. */
import { individualFilingRegion, mobileRegion2017, reviewEstimate, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'chongqing',
  name: '重庆市',
  shortName: '重庆',
  nameEn: 'Chongqing',
  abbreviation: '渝',
  divisionCode: '50',
  source: cite('identity'),

  smsMandates: [smsPilot('2018-09-10')],

  reviewEstimates: [reviewEstimate('3 天')],

  requirements: [
    individualFilingRegion('local-id-only'),
    mobileRegion2017(),
  ],
});
