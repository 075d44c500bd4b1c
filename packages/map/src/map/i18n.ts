/**
 * Every string `<jc-map>` shows or announces, in Chinese (default) and English.
 * @module
 */

/**
 * The strings of `<jc-map>`. Override any of them through the element's `i18n` property;
 * `{name}`, `{n}`, `{level}` and `{layers}` are replaced.
 *
 * @example
 * ```ts
 * map.i18n = { label: '莆田全市一张图' };
 * ```
 */
export interface MapStrings {
  /** Accessible name of the map when no `label` attribute is given. */
  label: string;
  /** What a screen reader calls the map area (`aria-roledescription`). */
  roleDescription: string;
  /** How to use the map with the keyboard (read with the map). */
  keys: string;
  /** Accessible name of the list of areas. */
  regions: string;
  /** Heading of the layer switches. */
  layers: string;
  /** The summary: `{name}` on show, `{n}` areas of `{level}` listed, `{layers}` visible. */
  summary: string;
  /** Said of an area without smaller areas to drill into. */
  leaf: string;
  /** Names a layer's count in the layer list and summary: `{n}` points or markers. */
  count: string;
  /** Text of the button that goes up one level. */
  up: string;
  /** Said when no hierarchy or geometry is set. */
  empty: string;
  /** Separates the items of a list in running text. */
  comma: string;
  /** Said when no layer is on. */
  noLayers: string;
}

/**
 * The built-in translations.
 *
 * @example
 * ```ts
 * mapStrings.en.up; // 'Up one level'
 * ```
 */
export const mapStrings: { zh: MapStrings; en: MapStrings } = {
  zh: {
    label: '全市一张图',
    roleDescription: '地图',
    keys: '方向键平移，加号、减号缩放，0 复位；Tab 进入区域列表，回车下钻，Esc 返回上一级。',
    regions: '{name}下辖区域',
    layers: '图层',
    summary: '正在显示{name}，下辖{n}个{level}；图层：{layers}。',
    leaf: '{name}（无下级区域）',
    count: '{n}个',
    up: '返回上一级',
    empty: '暂无地图数据',
    comma: '，',
    noLayers: '无',
  },
  en: {
    label: 'City map',
    roleDescription: 'map',
    keys: 'Arrow keys pan, plus and minus zoom, 0 resets; Tab to the list of areas, Enter drills down, Escape goes up.',
    regions: 'Areas of {name}',
    layers: 'Layers',
    summary: 'Showing {name}: {n} areas at {level} level; layers: {layers}.',
    leaf: '{name} (no smaller areas)',
    count: '{n}',
    up: 'Up one level',
    empty: 'No map data',
    comma: ', ',
    noLayers: 'none',
  },
};

/** Fills `{key}` placeholders: the shared `fill` of `@jiceng/ui`. @example `fillMap('{n} 个', { n: 3 }); // '3 个'` */
export { fill as fillMap } from '@jiceng/ui';
