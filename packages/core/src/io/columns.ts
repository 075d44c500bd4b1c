/**
 * The CSV files of a hierarchy and their columns, as data: the importer checks rows against
 * them, the exporter writes them, and the documentation lists them.
 * @module
 */
import type { LocalizedText } from '../errors/errors.js';
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- imported for the {@link HierarchyConfig} in the doc comment below
import type { HierarchyConfig } from '../hierarchy/types.js';
import { FACILITY_KINDS, ORG_KINDS, PAIRING_KINDS, PERSON_ROLES } from '../overlay/types.js';

/**
 * One CSV column: its header, the record field it fills, whether it is required and how its
 * text is read (`text` kept as is; `key` trimmed; `bool` 1/0, true/false, 是/否, yes/no;
 * `date` YYYY-MM-DD; `enum` one of `values`).
 *
 * @example
 * ```ts
 * const c: CsvColumn = { header: 'code', field: 'code', required: true, type: 'key', doc: { zh: '编码', en: 'code' } };
 * ```
 */
export interface CsvColumn {
  header: string;
  field: string;
  required: boolean;
  type: 'text' | 'key' | 'bool' | 'date' | 'enum';
  values?: readonly string[];
  doc: LocalizedText;
}

/**
 * The CSV file kinds: `nodes` and one per overlay part.
 *
 * @example
 * ```ts
 * const f: CsvFileKind = 'people';
 * ```
 */
export type CsvFileKind = 'nodes' | 'organisations' | 'people' | 'facilities' | 'compounds' | 'pairings';

const col = (header: string, field: string, required: boolean, type: CsvColumn['type'], zh: string, en: string, values?: readonly string[]): CsvColumn =>
  values ? { header, field, required, type, values, doc: { zh, en } } : { header, field, required, type, doc: { zh, en } };

/**
 * The CSV files, their file names and columns. Only `nodes.csv` is required; a
 * `config.json` (the {@link HierarchyConfig}) may sit beside them. Rows are counted as in a
 * spreadsheet: the header is row 1, a quoted line break does not start a new row.
 *
 * @example
 * ```ts
 * CSV_FILES.nodes.file;                           // 'nodes.csv'
 * CSV_FILES.people.columns.map((c) => c.header);  // ['id', 'name', 'role', 'node', 'party_member', 'person']
 * ```
 */
export const CSV_FILES: Readonly<Record<CsvFileKind, { file: string; columns: readonly CsvColumn[] }>> = Object.freeze({
  nodes: {
    file: 'nodes.csv',
    columns: [
      col('code', 'code', true, 'key', '编码（市至村居为 12 位统计用区划代码；网格、单元逐级加 3 位）', 'code (12-digit statistical code for city..village; grids and units add 3 digits each)'),
      col('parent', 'parent', false, 'key', '上级编码（根节点留空）', "parent's code (empty for the root)"),
      col('level', 'level', true, 'key', '层级 id（见 config.json）', 'level id (see config.json)'),
      col('name', 'name', true, 'text', '中文名称', 'name in Chinese'),
      col('name_en', 'nameEn', false, 'text', '英文名称', 'name in English'),
      col('zone', 'zone', false, 'bool', '是否功能区（1/0）', 'functional zone (1/0)'),
      col('valid_from', 'validFrom', false, 'date', '生效日期 YYYY-MM-DD', 'valid from, YYYY-MM-DD'),
      col('valid_to', 'validTo', false, 'date', '失效日期 YYYY-MM-DD（不含）', 'valid until, YYYY-MM-DD (exclusive)'),
    ],
  },
  organisations: {
    file: 'organisations.csv',
    columns: [
      col('id', 'id', true, 'key', '组织 id', 'organisation id'),
      col('kind', 'kind', true, 'enum', '类型', 'kind', ORG_KINDS),
      col('node', 'node', true, 'key', '所在节点编码', 'code of its node'),
      col('name', 'name', true, 'text', '名称', 'name'),
      col('parent', 'parent', false, 'key', '上级组织 id', "parent organisation's id"),
    ],
  },
  people: {
    file: 'people.csv',
    columns: [
      col('id', 'id', true, 'key', '记录 id', 'record id'),
      col('name', 'name', true, 'text', '姓名', 'name'),
      col('role', 'role', true, 'enum', '角色', 'role', PERSON_ROLES),
      col('node', 'node', true, 'key', '任职节点编码', 'code of the node the role is held on'),
      col('party_member', 'partyMember', true, 'bool', '是否党员（1/0）', 'party member (1/0)'),
      col('person', 'person', false, 'key', '人员 id（一人多岗时相同）', 'person id (the same across roles)'),
    ],
  },
  facilities: {
    file: 'facilities.csv',
    columns: [
      col('id', 'id', true, 'key', '设施 id', 'facility id'),
      col('kind', 'kind', true, 'enum', '类型', 'kind', FACILITY_KINDS),
      col('node', 'node', true, 'key', '所在节点编码', 'code of its node'),
      col('name', 'name', true, 'text', '名称', 'name'),
    ],
  },
  compounds: {
    file: 'compounds.csv',
    columns: [
      col('id', 'id', true, 'key', '小区 id', 'compound id'),
      col('node', 'node', true, 'key', '所在节点编码', 'code of its node'),
      col('name', 'name', true, 'text', '名称', 'name'),
      col('branch', 'branch', false, 'key', '小区党支部的组织 id', "id of the compound's party branch"),
    ],
  },
  pairings: {
    file: 'pairings.csv',
    columns: [
      col('id', 'id', true, 'key', '结对 id', 'pairing id'),
      col('kind', 'kind', true, 'enum', '类型', 'kind', PAIRING_KINDS),
      col('partner', 'partner', true, 'text', '结对方（领导、成员、机关或部门）', 'partner (leader, member, organ or department)'),
      col('partner_org', 'partnerOrg', false, 'text', '结对方所在单位', "partner's organisation"),
      col('target', 'target', true, 'key', '对象：节点编码，或小区 id（领导/成员挂钩小区）', 'target: node code, or compound id (leader/member ↔ compound)'),
    ],
  },
});
