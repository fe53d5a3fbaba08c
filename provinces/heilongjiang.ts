/** 黑龙江省 (黑): SMS pilot from 2018-09-24. */
import { mobileRegion2017, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'heilongjiang',
  name: '黑龙江省',
  shortName: '黑龙江',
  nameEn: 'Heilongjiang',
  abbreviation: '黑',
  divisionCode: '23',
  source: cite('identity'),

  smsMandates: [smsPilot('2018-09-24')],

  requirements: [
    mobileRegion2017(),
  ],
});
