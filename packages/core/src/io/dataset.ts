/**
 * A loaded dataset: configuration, hierarchy index and overlay, built together so that a
 * file with errors yields nothing.
 * @module
 */
import { fail, ok, type JcIssue, type Result } from '../errors/errors.js';
import { buildHierarchy, type Hierarchy } from '../hierarchy/build.js';
import type { HierarchyConfig, NodeInput } from '../hierarchy/types.js';
import { buildOverlay, type Overlay, type OverlaySources } from '../overlay/overlay.js';
import type { OverlayInput } from '../overlay/types.js';

/**
 * What an import yields: the configuration, the index and the overlay.
 *
 * @example
 * ```ts
 * const r = importJson(text);
 * if (r.ok) { const { hierarchy, overlay } = r.value; overlay.count(0, 'org:grid-branch'); }
 * ```
 */
export interface Dataset {
  readonly config: HierarchyConfig;
  readonly hierarchy: Hierarchy;
  readonly overlay: Overlay;
}

/**
 * An empty overlay input.
 *
 * @example
 * ```ts
 * buildOverlay(h, emptyOverlayInput());
 * ```
 */
export function emptyOverlayInput(): OverlayInput {
  return { organisations: [], people: [], facilities: [], compounds: [], pairings: [] };
}

/**
 * Builds hierarchy and overlay, merging problems found earlier (`before`: row-level
 * problems) with the structural ones; any error means no dataset.
 * @internal
 */
export function assemble(
  config: HierarchyConfig,
  nodes: NodeInput[],
  overlay: OverlayInput,
  where: { file?: string; rows?: number[]; sources?: OverlaySources },
  before: { errors: JcIssue[]; warnings: JcIssue[] },
  dropIssue: (p: JcIssue) => boolean = () => false,
): Result<Dataset> {
  const errors = [...before.errors];
  const warnings = [...before.warnings];
  const opts: { file?: string; rows?: number[] } = {};
  if (where.file !== undefined) opts.file = where.file;
  if (where.rows !== undefined) opts.rows = where.rows;
  const h = buildHierarchy(config, nodes, opts);
  warnings.push(...h.warnings);
  if (!h.ok) {
    errors.push(...h.errors.filter((p) => !dropIssue(p)));
    return fail(errors, warnings);
  }
  const o = buildOverlay(h.value, overlay, where.sources);
  warnings.push(...o.warnings);
  if (!o.ok) errors.push(...o.errors.filter((p) => !dropIssue(p)));
  if (errors.length > 0 || !o.ok) return fail(errors, warnings);
  return ok(Object.freeze({ config, hierarchy: h.value, overlay: o.value }), warnings);
}
