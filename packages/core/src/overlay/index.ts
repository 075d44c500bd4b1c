/**
 * `@jiceng/core/overlay`: the party overlay — organisations, people, facilities, compounds and pairings on nodes.
 * Built over a hierarchy index and checked against it; `overlayCoverage` tells which nodes
 * have what.
 *
 * @example
 * ```ts
 * import { buildOverlay } from '@jiceng/core/overlay';
 * const r = buildOverlay(hierarchy, overlayInput);
 * if (r.ok) console.log(r.value.data.organisations.length, r.value.counts(0));
 * ```
 * @module
 */
export { type CoverageLevels, standardCoverage } from './coverage.js';
export {
  buildOverlay, checkCoverageDef, COUNT_KEYS, type Overlay, OVERLAY_PARTS, type OverlayPart,
  type OverlaySources,
} from './overlay.js';
export {
  type CompoundInput, type CountKey, type CoverageBase, type CoverageDef, type CoverageFigure,
  type CoverageTest, FACILITY_KINDS, type FacilityInput, type FacilityKind, ORG_KINDS, type OrgInput,
  type OrgKind, type OverlayInput, PAIRING_KINDS, type PairingInput, type PairingKind,
  pairingTargetsCompound, PERSON_ROLES, type PersonInput, type PersonRole,
} from './types.js';
