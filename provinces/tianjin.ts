/** 天津市 (津): SMS pilot from 2017-12-18; access method 虚拟主机; 管局 review about two weeks. */
import { mobileRegion2017, reviewEstimate, smsPilot, virtualHostAccess } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'tianjin',
  name: '天津市',
  shortName: '天津',
  nameEn: 'Tianjin',
  abbreviation: '津',
  divisionCode: '12',
  source: cite('identity'),

  smsMandates: [smsPilot('2017-12-18')],

  reviewEstimates: [reviewEstimate('2 周')],

  requirements: [
    virtualHostAccess(),
    mobileRegion2017(),
  ],
});
