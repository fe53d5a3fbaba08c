/** 上海市 (沪): 管局 review about 3 days; residence permits accepted. */
import { individualFilingRegion, mobileRegion2017, reviewEstimate } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'shanghai',
  name: '上海市',
  shortName: '上海',
  nameEn: 'Shanghai',
  abbreviation: '沪',
  divisionCode: '31',
  source: cite('identity'),

  reviewEstimates: [reviewEstimate('3 天')],

  requirements: [
    individualFilingRegion('local-id-or-residence-permit'),
    mobileRegion2017(),
  ],
});
