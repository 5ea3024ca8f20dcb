/**
 * 统一社会信用代码 (GB 32100-2015): normalisation, check character and a Chinese explanation of what is
 * wrong. Pure: no I/O.
 *
 * Layout of the 18 characters:
 *   1     登记管理部门代码 (registration department)
 *   2     机构类别代码 (type of organisation within that department)
 *   3–8   登记管理机关行政区划码 (region; NOT checked against today's districts — codes are for life)
 *   9–17  主体标识码 (the former 组织机构代码)
 *   18    校验码 (check character)
 *
 * Positions 1–2 decision: position 1 must be one of the registration departments of the standard's
 * table (1–9, A, N, Y) and position 2 one of that department's types listed in `USCC_KINDS` (the
 * standard's table, including each department's “其他” code 9 where the table has one). Anything else
 * is rejected with a message naming both characters: a code that passes the check character but starts
 * with an unknown pair is almost always a mistyped code, and the bureau can correct the table here if a
 * new registration department ever appears.
 */

/** The 31 characters of the code, in value order (0–30). No I, O, Z, S, V. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights for positions 1–17. */
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Registration departments (position 1) of GB 32100-2015, 表 1. */
export const USCC_DEPARTMENTS: Readonly<Record<string, string>> = {
  '1': '机构编制',
  '2': '外交',
  '3': '司法行政',
  '4': '文化',
  '5': '民政',
  '6': '旅游',
  '7': '宗教',
  '8': '工会',
  '9': '工商',
  A: '中央军委改革和编制办公室',
  N: '农业',
  Y: '其他',
};

/** Types of organisation (positions 1–2), GB 32100-2015 表 1. */
export const USCC_KINDS: Readonly<Record<string, string>> = {
  '11': '机关',
  '12': '事业单位',
  '13': '中央编办直接管理机构编制的群众团体',
  '19': '其他（机构编制）',
  '21': '外国常驻新闻机构',
  '29': '其他（外交）',
  '31': '律师执业机构',
  '32': '公证处',
  '33': '基层法律服务所',
  '34': '司法鉴定机构',
  '35': '仲裁委员会',
  '39': '其他（司法行政）',
  '41': '外国在华文化中心',
  '49': '其他（文化）',
  '51': '社会团体',
  '52': '民办非企业单位',
  '53': '基金会',
  '59': '其他（民政）',
  '61': '外国旅游部门常驻代表机构',
  '62': '港澳台地区旅游部门常驻内地（大陆）代表机构',
  '69': '其他（旅游）',
  '71': '宗教活动场所',
  '72': '宗教院校',
  '79': '其他（宗教）',
  '81': '基层工会',
  '89': '其他（工会）',
  '91': '企业',
  '92': '个体工商户',
  '93': '农民专业合作社',
  A1: '军队事业单位',
  A9: '其他（军队）',
  N1: '组级集体经济组织',
  N2: '村级集体经济组织',
  N3: '乡镇级集体经济组织',
  N9: '其他（农业）',
  Y1: '其他',
};

export type UsccCheck = { ok: true; value: string } | { ok: false; message: string; position?: number };

/**
 * Trim, drop spaces (including full-width and no-break spaces) and hyphens/dashes, turn full-width
 * letters and digits into half-width ones (Ａ→A, ０→0) and upper-case the result.
 */
export function normalizeUscc(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00A0\u3000\-\u2010-\u2015\u2212]/g, '')
    .toUpperCase();
}

/** The check character (position 18) for the first 17 characters (already normalised). */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`usccCheckChar needs 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]!);
    if (v < 0) throw new RangeError(`character ${first17[i]} at position ${i + 1} is not allowed in a USCC`);
    sum += v * USCC_WEIGHTS[i]!;
  }
  const check = 31 - (sum % 31);
  return USCC_ALPHABET[check === 31 ? 0 : check]!;
}

/** The kind of organisation named by positions 1–2 (e.g. '企业' for 91), or undefined if unknown. */
export function usccKind(value: string): string | undefined {
  return USCC_KINDS[normalizeUscc(value).slice(0, 2)];
}

/** Normalise and check a code; on failure the message says in Chinese what is wrong and where. */
export function checkUscc(raw: string): UsccCheck {
  const value = normalizeUscc(raw);
  if (value.length === 0) return { ok: false, message: '请填写统一社会信用代码（18位）' };
  const chars = [...value];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!USCC_ALPHABET.includes(c)) {
      return {
        ok: false,
        position: i + 1,
        message: 'IOZSV'.includes(c)
          ? `第${i + 1}位“${c}”不是统一社会信用代码允许的字符（不使用 I、O、Z、S、V）`
          : `第${i + 1}位“${c}”不是统一社会信用代码允许的字符（只能是数字和大写字母，不使用 I、O、Z、S、V）`,
      };
    }
  }
  if (chars.length !== 18) return { ok: false, message: `统一社会信用代码应为18位，现为${chars.length}位` };
  const dept = value[0]!;
  if (!(dept in USCC_DEPARTMENTS)) {
    return {
      ok: false,
      position: 1,
      message: `第1位“${dept}”不是已知的登记管理部门代码（应为1–9、A、N、Y，企业一般为“9”），请核对`,
    };
  }
  if (!(value.slice(0, 2) in USCC_KINDS)) {
    const types = Object.keys(USCC_KINDS)
      .filter((k) => k[0] === dept)
      .map((k) => k[1])
      .join('、');
    return {
      ok: false,
      position: 2,
      message: `第2位“${value[1]}”不是${USCC_DEPARTMENTS[dept]}登记的机构类别代码（“${dept}”之后应为${types}），请核对`,
    };
  }
  const expected = usccCheckChar(value.slice(0, 17));
  if (value[17] !== expected) {
    return { ok: false, position: 18, message: `第18位校验码应为“${expected}”，现为“${value[17]}”，请核对` };
  }
  return { ok: true, value };
}
