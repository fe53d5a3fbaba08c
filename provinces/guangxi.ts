/** 广西壮族自治区 (桂): SMS pilot from 2018-09-10; 管局 review about two weeks; local IDs only. */
import { individualFilingRegion, mobileRegion2017, reviewEstimate, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'guangxi',
  name: '广西壮族自治区',
  shortName: '广西',
  nameEn: 'Guangxi',
  abbreviation: '桂',
  divisionCode: '45',
  source: cite('identity'),
  aliases: ['广西自治区'],

  smsMandates: [smsPilot('2018-09-10')],

  reviewEstimates: [reviewEstimate('2 周')],

  requirements: [
    individualFilingRegion('local-id-only'),
    mobileRegion2017(),
  ],
});
