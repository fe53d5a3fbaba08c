/** 福建省 (闽): SMS pilot from 2018-09-10; 管局 review about a week; residence permits accepted. */
import { individualFilingRegion, reviewEstimate, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'fujian',
  name: '福建省',
  shortName: '福建',
  nameEn: 'Fujian',
  abbreviation: '闽',
  divisionCode: '35',
  source: cite('identity'),

  smsMandates: [smsPilot('2018-09-10')],

  reviewEstimates: [reviewEstimate('1 周')],

  requirements: [
    individualFilingRegion('local-id-or-residence-permit'),
  ],
});
