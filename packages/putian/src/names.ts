/**
 * Plausible place and person names for the generator, each with its pinyin so that English
 * names come with them. Syllables lean on those common in Putian place names (埔, 厝, 坑, 洋…).
 * @module
 */
import type { Rng } from './random.js';

/** A Chinese syllable with its pinyin (no tone marks). */
type Syl = readonly [zh: string, py: string];

const split = (s: string): Syl[] =>
  s.trim().split(/\s+/).map((pair) => {
    const [zh, py] = pair.split(':');
    return [zh, py] as const;
  });

const PLACE_FIRST = split(`
  东:dong 西:xi 南:nan 北:bei 上:shang 下:xia 前:qian 后:hou 新:xin 大:da 白:bai 黄:huang
  石:shi 古:gu 沙:sha 金:jin 玉:yu 龙:long 凤:feng 荔:li 梧:wu 溪:xi 林:lin 湖:hu 长:chang
  青:qing 竹:zhu 柳:liu 梅:mei 枫:feng 双:shuang 高:gao 洋:yang 霞:xia 莲:lian 桂:gui 兴:xing
  福:fu 安:an 顺:shun 泉:quan 松:song 埕:cheng 岚:lan 坝:ba 塔:ta 庙:miao 田:tian 吉:ji
`);
const VILLAGE_SECOND = split(`
  山:shan 头:tou 尾:wei 埔:pu 厝:cuo 坑:keng 洋:yang 林:lin 溪:xi 塘:tang 亭:ting 坂:ban
  墩:dun 湖:hu 岭:ling 井:jing 洲:zhou 港:gang 田:tian 庄:zhuang 宅:zhai 兜:dou 边:bian
  口:kou 桥:qiao 坡:po 垄:long 园:yuan 峰:feng 埭:dai
`);
const URBAN_SECOND = split(`
  园:yuan 苑:yuan 华:hua 城:cheng 阳:yang 兴:xing 安:an 泰:tai 丰:feng 和:he 湖:hu 桥:qiao
  岭:ling 山:shan 河:he 林:lin 亭:ting 霞:xia 荣:rong 鑫:xin 新:xin 源:yuan 景:jing 悦:yue
`);
const COMPOUND_SUFFIX: readonly Syl[] = [
  ['花园', 'Garden'], ['小区', 'Residential Compound'], ['家园', 'Homes'], ['新村', 'New Village'],
  ['公寓', 'Apartments'], ['雅居', 'Residence'], ['苑', 'Court'],
];

const SURNAMES = split(`
  林:lin 陈:chen 黄:huang 郑:zheng 吴:wu 李:li 王:wang 张:zhang 蔡:cai 刘:liu 许:xu 方:fang
  余:yu 翁:weng 杨:yang 朱:zhu 徐:xu 游:you 卓:zhuo 柯:ke 宋:song 魏:wei 周:zhou 傅:fu
`);
const GIVEN = '建国华明志伟丽芳秀英文玉金春海强平勇红霞燕清德福荣兰美梅珍辉俊杰慧敏静琳晓峰';

const personCache: string[] = [];

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

// Generated names repeat a lot (“3号楼” in every community): each distinct name is made once
// and shared, which spares the garbage collector and the memory of everything holding them.
const placeCache: (readonly [string, string])[][] = [[], []];

/**
 * A two-syllable place name in Chinese and pinyin, e.g. `['东山', 'Dongshan']`.
 *
 * @example
 * ```ts
 * placeName(createRng(1), false);  // e.g. ['后埔', 'Houpu']
 * ```
 */
export function placeName(rng: Rng, urban: boolean): readonly [zh: string, en: string] {
  const second = urban ? URBAN_SECOND : VILLAGE_SECOND;
  for (;;) {
    const i = rng.int(PLACE_FIRST.length);
    const j = rng.int(second.length);
    const a = PLACE_FIRST[i];
    const b = second[j];
    if (a[0] === b[0]) continue;
    const cache = placeCache[urban ? 1 : 0];
    const key = i * 64 + j;
    return (cache[key] ??= [a[0] + b[0], cap(a[1] + b[1])]);
  }
}

/**
 * A place name not yet in `used` (which it then joins); after many collisions a number is
 * appended, so the name stays unique.
 *
 * @example
 * ```ts
 * const used = new Set<string>();
 * uniquePlaceName(createRng(1), false, used);  // e.g. ['东山', 'Dongshan']
 * ```
 */
export function uniquePlaceName(rng: Rng, urban: boolean, used: Set<string>): readonly [zh: string, en: string] {
  for (let tries = 0; tries < 40; tries++) {
    const n = placeName(rng, urban);
    if (!used.has(n[0])) {
      used.add(n[0]);
      return n;
    }
  }
  const n = placeName(rng, urban);
  for (let k = 2; ; k++) {
    const zh = `${n[0]}${k}`;
    if (!used.has(zh)) {
      used.add(zh);
      return [zh, `${n[1]} ${k}`];
    }
  }
}

const groupCache = new Map<string, readonly [string, string]>();

/**
 * A villagers' group 村民小组 name unique within `used`, e.g. `['后埔组', 'Houpu Group']`.
 *
 * @example
 * ```ts
 * groupName(createRng(1), new Set());  // e.g. ['林坑组', 'Linkeng Group']
 * ```
 */
export function groupName(rng: Rng, used: Set<string>): readonly [zh: string, en: string] {
  const [zh, en] = uniquePlaceName(rng, false, used);
  let g = groupCache.get(zh);
  if (!g) groupCache.set(zh, (g = [`${zh}组`, `${en} Group`]));
  return g;
}

const buildingCache: (readonly [string, string])[] = [];

/**
 * The name of building number `k`: `['3号楼', 'Building 3']`.
 *
 * @example
 * ```ts
 * buildingName(3);  // ['3号楼', 'Building 3']
 * ```
 */
export function buildingName(k: number): readonly [zh: string, en: string] {
  return (buildingCache[k] ??= [`${k}号楼`, `Building ${k}`]);
}

/**
 * A residential compound name, e.g. `['荔园花园', 'Liyuan Garden']`.
 *
 * @example
 * ```ts
 * compoundName(createRng(2), new Set());  // e.g. ['凤华小区', 'Fenghua Residential Compound']
 * ```
 */
export function compoundName(rng: Rng, used: Set<string>): readonly [zh: string, en: string] {
  const [zh, en] = uniquePlaceName(rng, true, used);
  const [sz, se] = rng.pick(COMPOUND_SUFFIX);
  return [zh + sz, `${en} ${se}`];
}

/**
 * A plausible (fictitious) person name: a common Putian surname and one or two given
 * characters.
 *
 * @example
 * ```ts
 * personName(createRng(3));  // e.g. '林秀英'
 * ```
 */
export function personName(rng: Rng): string {
  const si = rng.int(SURNAMES.length);
  const g1 = rng.int(GIVEN.length);
  const g2 = rng.next() < 0.7 ? rng.int(GIVEN.length) : GIVEN.length;
  const key = (si * GIVEN.length + g1) * (GIVEN.length + 1) + g2;
  return (personCache[key] ??= SURNAMES[si][0] + GIVEN[g1] + (g2 < GIVEN.length ? GIVEN[g2] : ''));
}

/**
 * Chinese numerals for small counts in names (1 → 一 … 99 → 九十九).
 *
 * @example
 * ```ts
 * zhNumber(12);  // '十二'
 * ```
 */
export function zhNumber(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n];
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  if (n < 100) return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
  return String(n);
}

/**
 * City organs and enterprises that pair with urban communities (机关+社区 结对共建).
 *
 * @example
 * ```ts
 * PAIRING_ORGANS[0];  // '市委办公室'
 * ```
 */
export const PAIRING_ORGANS: readonly string[] = Object.freeze(`
  市委办公室 市政府办公室 市委组织部 市委宣传部 市委统战部 市委政法委 市纪委监委 市直机关工委
  市发展和改革委员会 市教育局 市科学技术局 市工业和信息化局 市公安局 市民政局 市司法局 市财政局
  市人力资源和社会保障局 市自然资源局 市生态环境局 市住房和城乡建设局 市城市管理局 市交通运输局
  市水利局 市农业农村局 市商务局 市文化和旅游局 市卫生健康委员会 市退役军人事务局 市应急管理局
  市审计局 市市场监督管理局 市统计局 市医疗保障局 市信访局 市国资委 市林业局 市海洋与渔业局
  市总工会 团市委 市妇联 市税务局 市气象局 市消防救援支队 莆田供电公司 莆田移动分公司
  莆田电信分公司 莆田学院 市第一医院 市中医院 市公交集团 市水务集团 市城建集团 莆田农商银行
`.trim().split(/\s+/));
