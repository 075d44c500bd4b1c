/**
 * Every string `<jc-grid-tree>` shows or announces, in Chinese (default) and English.
 * @module
 */

/**
 * The strings of `<jc-grid-tree>`. Override any of them through the element's `i18n`
 * property; `{n}` and `{limit}` are replaced by numbers.
 *
 * @example
 * ```ts
 * tree.i18n = { label: '网格选择', searchPlaceholder: '输入名称' };
 * ```
 */
export interface GridTreeStrings {
  /** Accessible name of the tree when no `label` attribute is given. */
  label: string;
  /** Accessible name of the search box. */
  searchLabel: string;
  /** Placeholder of the search box. */
  searchPlaceholder: string;
  /** Text of the row shown while a node's children load. */
  loading: string;
  /** Text of the row shown when loading a node's children failed. */
  loadError: string;
  /** Announced when a search finds nothing. */
  noMatches: string;
  /** Announced after a search: `{n}` matches. */
  matches: string;
  /** Announced when a search found more than `{limit}` matches and shows only the first. */
  matchesTruncated: string;
  /** Hidden text after a badge in the warning band (colour is never the only cue). */
  badgeWarn: string;
  /** Hidden text after a badge in the alarm band. */
  badgeBad: string;
}

/**
 * The built-in translations.
 *
 * @example
 * ```ts
 * gridTreeStrings.en.loading; // 'Loading…'
 * ```
 */
export const gridTreeStrings: { zh: GridTreeStrings; en: GridTreeStrings } = {
  zh: {
    label: '治理层级',
    searchLabel: '搜索层级节点',
    searchPlaceholder: '名称、编码或拼音首字母',
    loading: '加载中…',
    loadError: '加载失败，展开可重试',
    noMatches: '没有匹配的节点',
    matches: '找到 {n} 个节点',
    matchesTruncated: '匹配超过 {limit} 个，仅显示前 {limit} 个',
    badgeWarn: '（预警）',
    badgeBad: '（告警）',
  },
  en: {
    label: 'Governance hierarchy',
    searchLabel: 'Search the hierarchy',
    searchPlaceholder: 'Name, code or pinyin initials',
    loading: 'Loading…',
    loadError: 'Loading failed; expand to retry',
    noMatches: 'No matching nodes',
    matches: '{n} nodes found',
    matchesTruncated: 'More than {limit} matches; showing the first {limit}',
    badgeWarn: ' (warning)',
    badgeBad: ' (alarm)',
  },
};

/** Fills `{key}` placeholders: the shared `fill` of `@jiceng/ui`. @example `fill('{n} 个', { n: 3 }); // '3 个'` */
export { fill } from '@jiceng/ui';
