/** 青海省 (青): SMS pilot from 2017-12-18; local IDs only. */
import { individualFilingRegion, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'qinghai',
  name: '青海省',
  shortName: '青海',
  nameEn: 'Qinghai',
  abbreviation: '青',
  divisionCode: '63',
  source: cite('identity'),

  smsMandates: [smsPilot('2017-12-18')],

  requirements: [
    individualFilingRegion('local-id-only'),
  ],
});
