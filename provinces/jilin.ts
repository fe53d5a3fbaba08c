/** 吉林省 (吉): No province-specific rules are known; the national defaults apply. */
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'jilin',
  name: '吉林省',
  shortName: '吉林',
  nameEn: 'Jilin',
  abbreviation: '吉',
  divisionCode: '22',
  source: cite('identity'),
});
