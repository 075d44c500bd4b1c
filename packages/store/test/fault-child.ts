// A child process for the fault tests, killed with SIGKILL by its parent mid-work.
//   append <opts-json> : 6 writers append commands of 3 events to a few streams, forever;
//                        after each acknowledged append prints `ACK <commandId> <streamId> <version>`.
//   import <opts-json> <log> : imports the log in small batches; prints `BATCH <lines>` after each commit.
import { readFileSync } from 'node:fs';
import { openStore } from '@jiceng/store';

const [mode, optsJson, log] = process.argv.slice(2);
const store = await openStore(JSON.parse(optsJson));
const say = (s: string) => process.stdout.write(`${s}\n`);
say('READY');
if (mode === 'append') {
  await Promise.all(Array.from({ length: 6 }, async (_, w) => {
    for (let i = 0; ; i++) {
      const stream = `case-k${(w + i) % 4}`;
      const commandId = `w${w}-${i}`;
      for (;;) {
        const v = await store.streamVersion(stream);
        const r = await store.append(stream, [0, 1, 2].map((k) => ({ type: 'progressReported', data: { w, i, k }, time: i })), { expectedVersion: v === 0 ? 'none' : v, commandId });
        if (r.ok) { say(`ACK ${commandId} ${stream} ${r.version}`); break; }
      }
    }
  }));
} else if (mode === 'import') {
  const lines = readFileSync(log, 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  await store.importLog(lines, { name: 'fault', batchSize: 40, onProgress: (p) => say(`BATCH ${p.lines}`) });
  say('DONE');
}
