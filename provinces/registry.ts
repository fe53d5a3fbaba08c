/**
 * Every province module, sorted by code. Adding a province is adding its file and its entry here;
 * the contract suite (contract.test.ts) fails when a module file is missing from this list.
 */
import type { ProvinceModule } from './kit/types.js';

import anhui from './anhui.js';
import beijing from './beijing.js';
import chongqing from './chongqing.js';
import fujian from './fujian.js';
import gansu from './gansu.js';
import guangdong from './guangdong.js';
import guangxi from './guangxi.js';
import guizhou from './guizhou.js';
import hainan from './hainan.js';
import hebei from './hebei.js';
import heilongjiang from './heilongjiang.js';
import henan from './henan.js';
import hubei from './hubei.js';
import hunan from './hunan.js';
import jiangsu from './jiangsu.js';
import jiangxi from './jiangxi.js';
import jilin from './jilin.js';
import liaoning from './liaoning.js';
import neimenggu from './neimenggu.js';
import ningxia from './ningxia.js';
import qinghai from './qinghai.js';
import shaanxi from './shaanxi.js';
import shandong from './shandong.js';
import shanghai from './shanghai.js';
import shanxi from './shanxi.js';
import sichuan from './sichuan.js';
import tianjin from './tianjin.js';
import xinjiang from './xinjiang.js';
import xizang from './xizang.js';
import yunnan from './yunnan.js';
import zhejiang from './zhejiang.js';

export const PROVINCES: readonly ProvinceModule[] = [
  anhui,
  beijing,
  chongqing,
  fujian,
  gansu,
  guangdong,
  guangxi,
  guizhou,
  hainan,
  hebei,
  heilongjiang,
  henan,
  hubei,
  hunan,
  jiangsu,
  jiangxi,
  jilin,
  liaoning,
  neimenggu,
  ningxia,
  qinghai,
  shaanxi,
  shandong,
  shanghai,
  shanxi,
  sichuan,
  tianjin,
  xinjiang,
  xizang,
  yunnan,
  zhejiang,
];
