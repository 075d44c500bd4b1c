// Fault tests: a child process is killed with SIGKILL during concurrent appends and during a
// bulk import, then the store is reopened: no command half-written, no acknowledged command
// lost, the import resumes. On PostgreSQL and on a PGlite data directory.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engines, freshPlace } from './engines.js';
import { sampleLog } from './sample-log.js';

const CHILD = fileURLToPath(new URL('./fault-child.ts', import.meta.url));

/** Runs the child until `enough(lines)` says so, then SIGKILLs it; gives its stdout lines. */
async function runAndKill(args: string[], enough: (lines: string[]) => boolean): Promise<string[]> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let rest = '';
  let killed = false;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    lines.push(...parts);
    if (!killed && enough(lines)) {
      killed = true;
      child.kill('SIGKILL');
    }
  });
  const [code, signal] = await once(child, 'exit');
  assert.equal(signal, 'SIGKILL', `the child was killed mid-work (exit ${code}); it printed ${lines.slice(-3).join(' | ')}`);
  return lines;
}

for (const kind of engines()) {
  test(`[${kind}] SIGKILL during concurrent appends: no acknowledged command lost, none half-written`, async () => {
    const place = await freshPlace(kind, { dir: true });
    try {
      await (await place.open()).close(); // create and migrate first
      const out = await runAndKill(['append', JSON.stringify(place.opts)], (l) => l.filter((x) => x.startsWith('ACK')).length >= 40);
      const acks = out.filter((l) => l.startsWith('ACK')).map((l) => l.split(' '));
      const s = await place.open();
      try {
        const all = await s.readFeed({ after: 0, limit: 100_000 });
        const byCommand = new Map<string, number>();
        for (const e of all) byCommand.set(String(e.meta.commandId), (byCommand.get(String(e.meta.commandId)) ?? 0) + 1);
        for (const [cmd, n] of byCommand) assert.equal(n, 3, `command ${cmd} has all three of its events or none`);
        for (const [, cmd, stream, version] of acks) {
          assert.equal(byCommand.get(cmd), 3, `acknowledged command ${cmd} is there`);
          const events = await s.readStream(stream, { fromVersion: Number(version) - 2 });
          assert.deepEqual(events.slice(0, 3).map((e) => e.meta.commandId), [cmd, cmd, cmd]);
        }
        assert.ok(byCommand.size >= acks.length);
        for (const k of [0, 1, 2, 3]) {
          const stream = await s.readStream(`case-k${k}`);
          assert.deepEqual(stream.map((e) => e.version), stream.map((_, i) => i + 1), 'versions without a gap');
          assert.equal(await s.streamVersion(`case-k${k}`), stream.length, 'the stream row agrees with its events');
        }
        // A retry of an acknowledged command after the crash is recognised.
        const [, cmd, stream] = acks[0];
        const retry = await s.append(stream, [{ type: 'x', data: {} }], { expectedVersion: 0, commandId: cmd });
        assert.ok(retry.ok && retry.duplicate);
      } finally {
        await s.close();
      }
    } finally {
      await place.drop();
    }
  });

  test(`[${kind}] SIGKILL during a bulk import: whole batches only, and the import resumes to a byte-identical log`, async () => {
    const place = await freshPlace(kind, { dir: true });
    const dir = mkdtempSync(join(tmpdir(), 'jiceng-fault-'));
    try {
      // A log big enough for many batches: the sample's cases, renamed a hundred times.
      const lines: string[] = [];
      for (let k = 0; k < 100; k++) for (const l of sampleLog()) lines.push(l.replace(/"c-(\d+)"/, `"c-${k}-$1"`).replace(/"list-l-1"/, `"list-${k}"`));
      const log = join(dir, 'log.jsonl');
      writeFileSync(log, `${lines.join('\n')}\n`);
      await (await place.open()).close();
      const out = await runAndKill(['import', JSON.stringify(place.opts), log], (l) => l.filter((x) => x.startsWith('BATCH')).length >= 3);
      assert.ok(!out.includes('DONE'), 'killed before the end');
      const lastAck = Math.max(...out.filter((l) => l.startsWith('BATCH')).map((l) => Number(l.split(' ')[1])));
      const s = await place.open();
      try {
        const stored = (await s.readFeed({ after: 0, limit: 100_000 })).length;
        assert.ok(stored >= lastAck, 'every batch the child saw committed is there');
        assert.equal(stored % 40, 0, 'only whole batches');
        const p = await s.importLog(lines, { name: 'fault', batchSize: 40 });
        assert.equal(p.resumedAt, stored, 'resumes after the last committed line');
        assert.deepEqual(p.issues, []);
        const back: string[] = [];
        for await (const l of s.exportLog()) back.push(l);
        assert.equal(back.join('\n'), lines.join('\n'));
      } finally {
        await s.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await place.drop();
    }
  });
}
