/**
 * The shapes the generators' entry checks test (`need(fn, 'h', h, 'object', HIERARCHY)`),
 * written once for the package. Internal (not exported from the package's index).
 * @module
 */
import type { ArgKind } from '@jiceng/core/errors';

/** A hierarchy index (`buildHierarchy(...).value`): the fields core's own check reads. @internal */
export const HIERARCHY: Record<string, ArgKind> = { config: 'object', indexOf: 'function', code: 'function', size: 'number' };
/** The generated Putian data (`generatePutian()`). @internal */
export const DATA: Record<string, ArgKind> = { config: 'object', nodes: 'array', overlay: 'object' };
