/**
 * Addresses: 证件住所 (as on the certificate) and 通讯地址 (where the subject can be reached). Seed 002
 * §3 and §1.5: the communication address is detailed to the house number, or the remark says
 * "此地址已是最详细地址"; both addresses lie in the same province.
 */
import type { Violation } from '../domain/violation.js';
import { charCount, firstOutside, SOURCE, violation } from './common.js';
import { findProvince, provinceOfAddress, type ProvinceName, withoutCountry } from './provinces.js';

export const ADDRESS_MIN_LENGTH = 5;
export const ADDRESS_MAX_LENGTH = 128;

/** Letters (Chinese included), digits, spaces and the punctuation addresses are written with. */
const ADDRESS_CHARACTER = /^[\p{L}\p{M}\p{N} \u3000\-－—–_#＃()（）[\]【】、,，.。·/／:：]$/u;

/**
 * A number followed by a unit that pins a door: 号, 室, 栋, 幢, 座, 楼, 层, 单元, 弄, 户, and the rural
 * 组/社/队 (…村3组). Numbers may be Arabic, full-width, Chinese (三组, 十二号) or a block letter (A座,
 * B栋); `#` may stand between (3#楼). 社区 and 组织 are words, not units.
 */
const NUMBERED_UNIT =
  /[0-9０-９一二三四五六七八九十百千零〇两壹贰叁肆伍陆柒捌玖拾A-Za-zＡ-Ｚａ-ｚ]\s*[#＃]?\s*(?:号|室|栋|幢|座|楼|层|单元|弄|户|组(?!织)|社(?!区)|队)/;
/** 门牌 followed by a number (门牌12, 门牌号：12). */
const HOUSE_PLATE = /门牌号?[:：\s]*[0-9０-９]/;
/** Building-unit-room written with dashes, common in northern residential compounds (5-1-302). */
const DASHED_DOOR = /[0-9０-９]+\s*[-－—]\s*[0-9０-９]+/;

export interface AddressInput {
  address: string;
  /** The filing province: full name (广西壮族自治区), short name (广西) or pinyin code (guangxi). */
  province: string;
  /** The subject's city (深圳市 or 深圳); when given, an address naming no province must start with it. */
  city?: string;
  /** The remark says the address is already as detailed as it gets (此地址已是最详细地址). */
  detailRemark?: boolean;
}

/** A city name without its administrative suffix, for matching addresses that write it either way. */
function cityStem(city: string): string {
  return city.trim().replace(/(?:市|地区|盟|自治州)$/, '');
}

/**
 * Checks, each reported separately: not empty; 5–128 characters; no unusual symbols; if the address
 * names a province at its start, it is the filing province (an address naming none is accepted, as
 * business licences often start with the city); with `city`, an address naming no province must start
 * with the city; detailed to a numbered door unless `detailRemark`.
 */
export function validateAddress(input: AddressInput, field: string): Violation[] {
  const at = (rule: string, message: string, messageEn: string, source: string, matched?: string) =>
    violation({ field, rule, message, messageEn, source, matched });
  const seed = `${SOURCE.seed002} §3`;
  const address = input.address.trim();
  if (!address) return [at('address-required', '请填写地址', 'The address is required', seed)];
  const length = charCount(address);
  if (length < ADDRESS_MIN_LENGTH || length > ADDRESS_MAX_LENGTH) {
    return [
      at(
        'address-length',
        `地址长度须为${ADDRESS_MIN_LENGTH}–${ADDRESS_MAX_LENGTH}个字符`,
        `An address has ${ADDRESS_MIN_LENGTH}–${ADDRESS_MAX_LENGTH} characters`,
        seed,
        String(length),
      ),
    ];
  }
  const out: Violation[] = [];
  const bad = firstOutside(address, ADDRESS_CHARACTER);
  if (bad !== undefined) {
    out.push(at('address-characters', '地址不能包含特殊字符', 'The address contains a special character', seed, bad));
  }
  const province = findProvince(input.province);
  const named = provinceOfAddress(address);
  if (!province) {
    out.push(at('address-province-unknown', '未知的省份', `Unknown province ${input.province}`, SOURCE.divisions, input.province));
  } else if (named && named.code !== province.code) {
    out.push(
      at(
        'address-province',
        `地址须位于${province.name}`,
        `The address must be in ${province.name} (it names ${named.name})`,
        `${SOURCE.seed002} §1.5`,
        named.name,
      ),
    );
  }
  if (!named && input.city && !withoutCountry(address).startsWith(cityStem(input.city))) {
    out.push(
      at(
        'address-region-prefix',
        '地址须以省份或城市名称开头，填写完整地址',
        'Write the full address, starting with the province or city',
        seed,
      ),
    );
  }
  if (!input.detailRemark && ![NUMBERED_UNIT, HOUSE_PLATE, DASHED_DOOR].some((p) => p.test(address))) {
    out.push(
      at(
        'address-not-detailed',
        '地址须详细到门牌号；如无具体门牌号，请在备注中说明“此地址已是最详细地址”',
        'Give the address down to the house number, or state in the remark that it is already the most detailed address',
        seed,
      ),
    );
  }
  return out;
}

/**
 * 证件住所 and 通讯地址 lie in the same province (seed 002 §1.5). An address that names no province
 * is taken to lie in the filing province; the violation is reported on `field`.
 */
export function validateSameProvince(certificateAddress: string, communicationAddress: string, province: string, field: string): Violation[] {
  const filing: ProvinceName | undefined = findProvince(province);
  const certificate = provinceOfAddress(certificateAddress) ?? filing;
  const communication = provinceOfAddress(communicationAddress) ?? filing;
  if (!certificate || !communication || certificate.code === communication.code) return [];
  return [
    violation({
      field,
      rule: 'address-same-province',
      message: `证件住所与通讯地址须在同一省份（证件住所在${certificate.name}，通讯地址在${communication.name}）`,
      messageEn: `The certificate address (${certificate.name}) and the communication address (${communication.name}) must be in the same province`,
      source: `${SOURCE.seed002} §1.5`,
      matched: communication.name,
    }),
  ];
}
