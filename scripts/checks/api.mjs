// The committed API reports (api/*.api.md, one per entry point of every package's `exports`)
// match the source: a change of any package's public surface shows in review, and fails here
// until the report is regenerated with `pnpm api` and committed.
import { generate, outOfDate, REGENERATE } from '../api-report.mjs';

export default async function api() {
  const fresh = generate();
  const diffs = outOfDate(fresh);
  for (const d of diffs) console.log(`api/${d.report}: ${d.why}`);
  if (diffs.length) console.log(`\nThe public API changed without its report. Review the change; if it is meant, run \`${REGENERATE}\` and commit api/.`);
  return [[`the API reports of ${fresh.size} entry points match the source (else: ${REGENERATE})`, fresh.size > 0 && diffs.length === 0]];
}
