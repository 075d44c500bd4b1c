/**
 * Coordinate systems at the edge: every dataset is converted to WGS-84 as it comes in.
 * @module
 */
import gcoordModule from 'gcoord';
import type { GeoCrs, LonLat } from './types.js';
import { need, needKey } from '../errors/args.js';
import { CRS_NAMES } from '../shapes.js';

/** gcoord is CommonJS: Node hands its exports over as `default`, bundlers as the module itself. */
const gcoord = ((gcoordModule as unknown as { default?: unknown }).default ?? gcoordModule) as {
  transform(p: [number, number], from: string, to: string): [number, number];
};

/**
 * Converts a position from the declared coordinate system to WGS-84 (CGCS2000 is taken as
 * WGS-84; the two differ by centimetres).
 *
 * @example
 * ```ts
 * import { toWgs84 } from '@jiceng/core/geo';
 * const [lon, lat] = toWgs84([119.0249, 25.4284], 'GCJ02'); // about 0.005° west, 0.003° north
 * ```
 */
export function toWgs84(p: LonLat, crs: GeoCrs): LonLat {
  need('toWgs84', 'p', p, 'array', { 0: 'number', 1: 'number' });
  needKey('toWgs84', 'crs', crs, CRS_NAMES);
  if (crs !== 'GCJ02') return [p[0], p[1]];
  const q = gcoord.transform([p[0], p[1]] as [number, number], 'GCJ02', 'WGS84');
  return [q[0], q[1]];
}

/**
 * Converts a WGS-84 position to the given coordinate system (for a GCJ-02 base map).
 *
 * @example
 * ```ts
 * import { fromWgs84 } from '@jiceng/core/geo';
 * const gcj = fromWgs84([119.02, 25.43], 'GCJ02');
 * ```
 */
export function fromWgs84(p: LonLat, crs: GeoCrs): LonLat {
  need('fromWgs84', 'p', p, 'array', { 0: 'number', 1: 'number' });
  needKey('fromWgs84', 'crs', crs, CRS_NAMES);
  if (crs !== 'GCJ02') return [p[0], p[1]];
  const q = gcoord.transform([p[0], p[1]] as [number, number], 'WGS84', 'GCJ02');
  return [q[0], q[1]];
}
