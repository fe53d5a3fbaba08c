/** 西藏自治区 (藏): SMS pilot from 2017-12-18. */
import { smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'xizang',
  name: '西藏自治区',
  shortName: '西藏',
  nameEn: 'Tibet',
  abbreviation: '藏',
  divisionCode: '54',
  source: cite('identity'),

  smsMandates: [smsPilot('2017-12-18')],
});
