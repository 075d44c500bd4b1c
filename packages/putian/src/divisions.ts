/**
 * Putian's real divisions down to town level: the city, its five districts/county and two
 * functional zones (7 governance counties) and its 54 towns and streets, with their NBS 2023
 * statistical codes. The data is part of the package; nothing is read at run time.
 * @module
 */
import { needString } from '@jiceng/core/errors';
import type { NodeInput } from '@jiceng/core';

/**
 * One real division of Putian: its 12-digit code, Chinese and English (pinyin) names and,
 * for a county-level node, whether it is a functional zone.
 *
 * @example
 * ```ts
 * const d: PutianDivision = { code: '350304002000', name: '拱辰街道', nameEn: 'Gongchen Subdistrict' };
 * ```
 */
export interface PutianDivision {
  /** 12-digit code: the NBS statistical code, or an internal code for a functional zone. */
  readonly code: string;
  /** Name in Chinese. */
  readonly name: string;
  /** Name in English (pinyin). */
  readonly nameEn: string;
  /** A functional zone without a GB/T 2260 code (county level only). */
  readonly zone?: boolean;
}

/**
 * A governance county of Putian with its towns and streets, in NBS order.
 *
 * @example
 * ```ts
 * const c = PUTIAN_COUNTIES[0];  // 城厢区 and its 7 towns/streets
 * c.towns.length;                // 7
 * ```
 */
export interface PutianCounty extends PutianDivision {
  /** The towns and streets this county governs. */
  readonly towns: readonly PutianDivision[];
}

/**
 * The city of Putian, 莆田市 350300.
 *
 * @example
 * ```ts
 * PUTIAN_CITY.code;  // '350300000000'
 * ```
 */
export const PUTIAN_CITY: PutianDivision = Object.freeze({ code: '350300000000', name: '莆田市', nameEn: 'Putian City' });

const t = (digits: string, name: string, nameEn: string): PutianDivision =>
  Object.freeze({ code: `${digits}000`, name, nameEn });

/**
 * The seven governance counties of Putian and their 54 towns/streets: 城厢区 (7), 涵江区 (12),
 * 荔城区 (6), 秀屿区 (7), 仙游县 (18), and the two functional zones 湄洲湾北岸经济开发区
 * (忠门镇, 东埔镇, 山亭镇) and 湄洲岛国家旅游度假区 (湄洲镇), which carry internal codes
 * (`3503B1000000`, `3503M1000000`) outside GB/T 2260 while their towns keep their legal
 * codes under 秀屿区. The NBS list's non-town units 赤港开发区, 前沁农场 and 后海管理局 are left out.
 *
 * @example
 * ```ts
 * import { PUTIAN_COUNTIES } from '@jiceng/putian';
 * PUTIAN_COUNTIES.length;                                       // 7
 * PUTIAN_COUNTIES.reduce((n, c) => n + c.towns.length, 0);      // 54
 * PUTIAN_COUNTIES.filter((c) => c.zone).map((c) => c.name);     // ['湄洲湾北岸经济开发区', '湄洲岛国家旅游度假区']
 * ```
 */
export const PUTIAN_COUNTIES: readonly PutianCounty[] = Object.freeze([
  {
    code: '350302000000', name: '城厢区', nameEn: 'Chengxiang District',
    towns: [
      t('350302001', '龙桥街道', 'Longqiao Subdistrict'),
      t('350302002', '凤凰山街道', 'Fenghuangshan Subdistrict'),
      t('350302003', '霞林街道', 'Xialin Subdistrict'),
      t('350302100', '常太镇', 'Changtai Town'),
      t('350302101', '华亭镇', 'Huating Town'),
      t('350302102', '灵川镇', 'Lingchuan Town'),
      t('350302103', '东海镇', 'Donghai Town'),
    ],
  },
  {
    code: '350303000000', name: '涵江区', nameEn: 'Hanjiang District',
    towns: [
      t('350303001', '涵东街道', 'Handong Subdistrict'),
      t('350303002', '涵西街道', 'Hanxi Subdistrict'),
      t('350303100', '三江口镇', 'Sanjiangkou Town'),
      t('350303101', '白塘镇', 'Baitang Town'),
      t('350303102', '国欢镇', 'Guohuan Town'),
      t('350303103', '梧塘镇', 'Wutang Town'),
      t('350303104', '江口镇', 'Jiangkou Town'),
      t('350303105', '萩芦镇', 'Qiulu Town'),
      t('350303106', '白沙镇', 'Baisha Town'),
      t('350303107', '庄边镇', 'Zhuangbian Town'),
      t('350303108', '新县镇', 'Xinxian Town'),
      t('350303200', '大洋乡', 'Dayang Township'),
    ],
  },
  {
    code: '350304000000', name: '荔城区', nameEn: 'Licheng District',
    towns: [
      t('350304001', '镇海街道', 'Zhenhai Subdistrict'),
      t('350304002', '拱辰街道', 'Gongchen Subdistrict'),
      t('350304100', '西天尾镇', 'Xitianwei Town'),
      t('350304101', '黄石镇', 'Huangshi Town'),
      t('350304102', '新度镇', 'Xindu Town'),
      t('350304103', '北高镇', 'Beigao Town'),
    ],
  },
  {
    code: '350305000000', name: '秀屿区', nameEn: 'Xiuyu District',
    towns: [
      t('350305100', '笏石镇', 'Hushi Town'),
      t('350305101', '东庄镇', 'Dongzhuang Town'),
      t('350305104', '东峤镇', 'Dongqiao Town'),
      t('350305105', '埭头镇', 'Daitou Town'),
      t('350305106', '平海镇', 'Pinghai Town'),
      t('350305107', '南日镇', 'Nanri Town'),
      t('350305110', '月塘镇', 'Yuetang Town'),
    ],
  },
  {
    code: '350322000000', name: '仙游县', nameEn: 'Xianyou County',
    towns: [
      t('350322001', '鲤城街道', 'Licheng Subdistrict'),
      t('350322100', '枫亭镇', 'Fengting Town'),
      t('350322101', '榜头镇', 'Bangtou Town'),
      t('350322102', '郊尾镇', 'Jiaowei Town'),
      t('350322103', '度尾镇', 'Duwei Town'),
      t('350322104', '鲤南镇', 'Linan Town'),
      t('350322105', '赖店镇', 'Laidian Town'),
      t('350322106', '盖尾镇', 'Gaiwei Town'),
      t('350322107', '园庄镇', 'Yuanzhuang Town'),
      t('350322108', '大济镇', 'Daji Town'),
      t('350322109', '龙华镇', 'Longhua Town'),
      t('350322110', '钟山镇', 'Zhongshan Town'),
      t('350322111', '游洋镇', 'Youyang Town'),
      t('350322200', '西苑乡', 'Xiyuan Township'),
      t('350322201', '石苍乡', 'Shicang Township'),
      t('350322202', '社硎乡', 'Shexing Township'),
      t('350322203', '书峰乡', 'Shufeng Township'),
      t('350322204', '菜溪乡', 'Caixi Township'),
    ],
  },
  {
    code: '3503B1000000', name: '湄洲湾北岸经济开发区', nameEn: 'Meizhou Bay North Shore Economic Development Zone', zone: true,
    towns: [
      t('350305102', '忠门镇', 'Zhongmen Town'),
      t('350305103', '东埔镇', 'Dongpu Town'),
      t('350305109', '山亭镇', 'Shanting Town'),
    ],
  },
  {
    code: '3503M1000000', name: '湄洲岛国家旅游度假区', nameEn: 'Meizhou Island National Tourist Resort', zone: true,
    towns: [t('350305108', '湄洲镇', 'Meizhou Town')],
  },
].map((c) => Object.freeze({ ...c, towns: Object.freeze(c.towns) })));

/**
 * True if a town-level division is a street 街道 (township digits 001–099 in its code).
 *
 * @example
 * ```ts
 * isStreet('350304002000');  // true  (拱辰街道)
 * isStreet('350304100000');  // false (西天尾镇)
 * ```
 */
export function isStreet(townCode: string): boolean {
  needString('isStreet', 'townCode', townCode);
  const digits = Number(townCode.slice(6, 9));
  return digits >= 1 && digits <= 99;
}

/**
 * The real divisions as hierarchy nodes, in pre-order: the city, then each governance county
 * followed by its towns (1 + 7 + 54 = 62 nodes).
 *
 * @example
 * ```ts
 * import { putianDivisionNodes } from '@jiceng/putian';
 * const nodes = putianDivisionNodes();
 * nodes.length;                                     // 62
 * nodes.find((n) => n.name === '湄洲镇')?.parent;   // '3503M1000000'
 * ```
 */
export function putianDivisionNodes(): NodeInput[] {
  const out: NodeInput[] = [
    { code: PUTIAN_CITY.code, parent: null, level: 'city', name: PUTIAN_CITY.name, nameEn: PUTIAN_CITY.nameEn },
  ];
  for (const c of PUTIAN_COUNTIES) {
    const county: NodeInput = { code: c.code, parent: PUTIAN_CITY.code, level: 'county', name: c.name, nameEn: c.nameEn };
    if (c.zone) county.zone = true;
    out.push(county);
    for (const town of c.towns) {
      out.push({ code: town.code, parent: c.code, level: 'town', name: town.name, nameEn: town.nameEn });
    }
  }
  return out;
}
