/**
 * The library's own versioned JSON document.
 * @module
 */
import { fail, issue, type JcIssue, type Result } from '../errors/errors.js';
import { checkConfig, type Hierarchy } from '../hierarchy/build.js';
import type { HierarchyConfig, NodeInput } from '../hierarchy/types.js';
import type { Overlay } from '../overlay/overlay.js';
import type { OverlayInput } from '../overlay/types.js';
import { assemble, emptyOverlayInput, type Dataset } from './dataset.js';
import { documentSchema, zodIssues } from './schemas.js';
import { decodeText } from './text.js';
import { argumentError, isObject, needHierarchy, needObject } from '../errors/args.js';

/**
 * The JSON document: format tag, version, configuration, nodes and overlay records.
 *
 * @example
 * ```ts
 * const doc: HierarchyDocument = { format: 'jiceng-hierarchy', version: 1, config, nodes,
 *   organisations: [], people: [], facilities: [], compounds: [], pairings: [] };
 * ```
 */
export interface HierarchyDocument extends OverlayInput {
  format: 'jiceng-hierarchy';
  version: 1;
  config: HierarchyConfig;
  nodes: NodeInput[];
}

/**
 * The document of a hierarchy and its overlay (nodes in pre-order).
 *
 * @example
 * ```ts
 * const doc = toDocument(dataset.hierarchy, dataset.overlay);
 * doc.nodes.length === dataset.hierarchy.size; // true
 * ```
 */
export function toDocument(hierarchy: Hierarchy, overlay?: Overlay): HierarchyDocument {
  needHierarchy('toDocument', hierarchy);
  if (overlay !== undefined && !(isObject(overlay) && isObject(overlay.data))) throw argumentError('toDocument', 'overlay', { zh: ' buildOverlay 建成的叠加层', en: 'an overlay built by buildOverlay' });
  const data = overlay ? (overlay.data as unknown as OverlayInput) : emptyOverlayInput();
  return {
    format: 'jiceng-hierarchy',
    version: 1,
    config: hierarchy.config,
    nodes: hierarchy.nodes(),
    organisations: [...data.organisations],
    people: [...data.people],
    facilities: [...data.facilities],
    compounds: [...data.compounds],
    pairings: [...data.pairings],
  };
}

/**
 * Serialises a hierarchy and its overlay as the versioned JSON document.
 *
 * @example
 * ```ts
 * writeFileSync('putian.json', exportJson(dataset.hierarchy, dataset.overlay));
 * ```
 */
export function exportJson(hierarchy: Hierarchy, overlay?: Overlay, opts: { indent?: number } = {}): string {
  needObject('exportJson', 'opts', opts);
  return JSON.stringify(toDocument(hierarchy, overlay), null, opts.indent) + '\n';
}

/**
 * Imports the versioned JSON document (text or bytes; BOM and GB18030 handled). The document
 * is checked with zod (field paths such as `nodes[3].code` name each problem), then
 * structurally; every problem is returned at once, and with any error there is no dataset.
 *
 * @example
 * ```ts
 * const r = importJson(readFileSync('putian.json'), { file: 'putian.json' });
 * if (r.ok) r.value.hierarchy.search('lcq');
 * ```
 */
export function importJson(input: string | Uint8Array | HierarchyDocument, opts: { file?: string } = {}): Result<Dataset> {
  needObject('importJson', 'opts', opts);
  const file = opts.file;
  const at = file !== undefined ? { file } : {};
  const warnings: JcIssue[] = [];
  let json: unknown = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const dec = decodeText(input, file);
    warnings.push(...dec.warnings);
    if (dec.errors.length) return fail(dec.errors, warnings);
    try {
      json = JSON.parse(dec.text);
    } catch (e) {
      return fail([issue('E_JSON_SYNTAX', `JSON 格式错误：${(e as Error).message}`, `JSON syntax error: ${(e as Error).message}`, at)], warnings);
    }
  }
  const head = json as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== 'jiceng-hierarchy') {
    return fail([issue('E_FORMAT', '不是 jiceng-hierarchy 文档（format 字段不符）', 'not a jiceng-hierarchy document (format field)', { ...at, column: 'format' })], warnings);
  }
  if (head.version !== 1) {
    return fail([issue('E_VERSION', `不支持的版本 ${String(head.version)}（支持 1）`, `unsupported version ${String(head.version)} (supported: 1)`, { ...at, column: 'version' })], warnings);
  }
  const res = documentSchema.safeParse(json, { reportInput: true });
  if (!res.success) return fail(zodIssues(res.error.issues).map((p) => ({ ...p, ...at })), warnings);
  const doc = res.data as unknown as HierarchyDocument;
  const cfg = checkConfig(doc.config);
  if (cfg.length > 0) return fail(cfg.map((p) => ({ ...p, ...at, column: `config.${p.column}` })), warnings);
  const sources = file !== undefined ? Object.fromEntries(['organisations', 'people', 'facilities', 'compounds', 'pairings'].map((k) => [k, { file }])) : {};
  return assemble(doc.config, doc.nodes, doc, { ...at, sources }, { errors: [], warnings });
}
