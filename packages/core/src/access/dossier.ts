/**
 * A case file prepared for one actor and one view: the bridge between the access layer and
 * the components that render dossiers (`<jc-case-file>`), so a component never receives a
 * value the actor may not see.
 * @module
 */
import { fail, ok, type Result } from '../errors/errors.js';
import type { Dossier, DossierIntake } from '../cases/dossier.js';
import { isVisible, viewRecords, type ReadOptions } from './read.js';
import { accessIssue } from './messages.js';
import type { Access } from './context.js';

/**
 * Reads a dossier for `access`'s actor: refused with `E_NO_CASE` ("no such case within your
 * scope") when the case lies outside the actor's scope — the very answer a reader gets for an
 * id that does not exist, so a refusal never tells that the case exists; otherwise every free text of the file (descriptions, notes, results,
 * reasons) goes through the `case` field policy, so phone and ID numbers quoted in them are
 * masked for readers below personal rights and on open views (`public`, `wall-screen`)
 * whatever the role — exactly as the same texts read through `viewRecords`. The prepared
 * file carries no raw events (`events: []`): they would bypass the masking, and replaying
 * belongs to the log, not to a display.
 *
 * @example
 * ```ts
 * const access = createAccess(gridWorker, hierarchy);
 * const r = readDossier(access, store.dossier(caseId).value, { withoutPurpose: 'mask' });
 * if (r.ok) document.querySelector('jc-case-file').dossier = r.value;
 * ```
 */
export function readDossier(access: Access, dossier: Dossier, options: ReadOptions = {}): Result<Dossier> {
  if (dossier === null || typeof dossier !== 'object' || typeof dossier.caseId !== 'string' || !dossier.node || !Array.isArray(dossier.entries)) {
    return fail([accessIssue('E_BAD_INPUT', 'dossier')]);
  }
  const node = dossier.node.code;
  if (!isVisible(access, 'case', { id: dossier.caseId, node })) return fail([accessIssue('E_NO_CASE', dossier.caseId)]);
  const texts = dossier.entries.map((e) => ({ id: `${dossier.caseId}#${e.version}`, node, description: e.note ?? '' }));
  const read = viewRecords(access, 'case', texts, options);
  if (!read.ok) return read;
  const masked = read.value;
  const intake = dossier.intake ? readIntake(access, dossier, dossier.intake, options) : undefined;
  return ok({
    ...dossier,
    ...(intake ? { intake } : {}),
    entries: dossier.entries.map((e, i) => {
      const note = masked[i]?.description;
      const { note: _raw, ...rest } = e;
      return typeof note === 'string' && note !== '' && e.note !== undefined ? { ...rest, note } : rest;
    }),
    events: [],
  });
}

/**
 * The intake's place and reporter through the case policy (`location`, `reporterName`): a
 * reader without personal rights, or without a purpose, gets the address replaced and no
 * coordinates; the reporter reads their own details. Without a purpose the personal fields are
 * masked rather than the whole file refused.
 */
function readIntake(access: Access, dossier: Dossier, it: DossierIntake, options: ReadOptions): DossierIntake {
  const { address, lng, lat, reporter, ...plain } = it;
  const coords = typeof lng === 'number' && typeof lat === 'number' ? `${lng},${lat}` : undefined;
  const place = address ?? coords;
  if (place === undefined && reporter === undefined) return plain;
  const rec = {
    id: `${dossier.caseId}#intake`, node: dossier.node.code, ...(dossier.entries[0] ? { reporterId: dossier.entries[0].actor } : {}),
    ...(place !== undefined ? { location: place } : {}), ...(reporter !== undefined ? { reporterName: reporter } : {}),
  };
  const r = viewRecords(access, 'case', [rec], { ...options, withoutPurpose: options.withoutPurpose ?? 'mask' });
  const m = r.ok ? r.value[0] ?? {} : {};
  const out: DossierIntake = plain;
  if (address !== undefined && typeof m.location === 'string') out.address = m.location;
  if (coords !== undefined && m.location === place) { out.lng = lng; out.lat = lat; }
  if (reporter !== undefined && typeof m.reporterName === 'string') out.reporter = m.reporterName;
  return out;
}
