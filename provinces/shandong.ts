/** 山东省 (鲁): SMS pilot from 2018-09-24; residence permits or student IDs accepted. */
import { individualFilingRegion, mobileRegion2017, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'shandong',
  name: '山东省',
  shortName: '山东',
  nameEn: 'Shandong',
  abbreviation: '鲁',
  divisionCode: '37',
  source: cite('identity'),

  smsMandates: [smsPilot('2018-09-24')],

  requirements: [
    individualFilingRegion('local-id-residence-permit-or-student-id'),
    mobileRegion2017(),
  ],
});
