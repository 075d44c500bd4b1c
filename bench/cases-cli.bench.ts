/**
 * The CLI streaming the case history: `jiceng replay`, `replay --verify`, `stats` and
 * `dossier` over a JSON Lines log (default the full Putian history), each in its own process
 * run from the sources (tsx), timed with /usr/bin/time (wall and CPU); throughput is the
 * log's size over the wall time. With `BEFORE=<dir>` (a checkout of an earlier tree with its
 * node_modules) the same commands run from that tree too, alternately, so both meet the same
 * load. Aim (issue 20): ≥ 100 MB/s for each.
 *
 * Run (the log is written first by `jiceng history` if missing, and that is timed too):
 *      LOG=/tmp/h.jsonl [BEFORE=/tmp/before] [RUNS=1] [NAME=cases-cli] node --conditions=source --import tsx bench/cases-cli.bench.ts
 * (`NAME` names the result files, bench/results/NAME.md and .json: a scaled-down before/after
 * run beside the full-size one.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';

const log = process.env.LOG ?? '/tmp/h.jsonl';
// Without the log (or with HISTORY=1), `jiceng history` writes it first, and that is timed too (aim: ≤ 20 s).
let history: { wallS: number; cpuS: number } | undefined;
if (!existsSync(log) || process.env.HISTORY === '1') {
  const p = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, '--conditions=source', '--import', 'tsx', resolve('bench/cases-cli-run.mjs'), 'history', '--out', log, '--lang', 'en'], {
    env: { ...process.env, CLI_SRC: resolve('packages/cli/src/main.ts') }, encoding: 'utf8',
  });
  if (p.status !== 0) throw new Error(`history: exit ${p.status}\n${p.stderr.slice(0, 2000)}`);
  const m = p.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  history = { wallS: m[0], cpuS: +(m[1] + m[2]).toFixed(1) };
  console.log(`history: ${m[0]} s wall, ${history.cpuS} s CPU`);
}
const bytes = statSync(log).size;
const runs = Number(process.env.RUNS ?? 1);
const trees: [string, string][] = [['ours', process.cwd()], ...(process.env.BEFORE ? [['before', resolve(process.env.BEFORE)] as [string, string]] : [])];
const firstCase = execFileSync('head', ['-c', '200', log]).toString().match(/"caseId":"([^"]+)"/)?.[1] ?? 'PT-0000001';
const commands: [string, string[]][] = [
  ['replay', ['replay', log, '--lang', 'en']],
  ['replay --verify', ['replay', log, '--verify', '--lang', 'en']],
  ['stats', ['stats', log, '--lang', 'en']],
  ['dossier', ['dossier', log, firstCase, '--lang', 'en']],
];
const runner = resolve('bench/cases-cli-run.mjs');
type Run = { wall: number; cpu: number };
let chainBroken = false;
const results: Record<string, Record<string, Run[]>> = {};
for (let r = 0; r < runs; r++) {
  for (const [name, args] of commands) {
    for (const [tree, dir] of trees) {
      const p = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, '--conditions=source', '--import', 'tsx', runner, ...args], {
        cwd: dir, env: { ...process.env, CLI_SRC: resolve(dir, 'packages/cli/src/main.ts') }, encoding: 'utf8', maxBuffer: 1 << 30,
      });
      const m = p.stderr.trim().split('\n').pop()!.split(' ').map(Number);
      if (p.status !== 0 && p.status !== 1) throw new Error(`${tree} ${name}: exit ${p.status}\n${p.stderr.slice(0, 2000)}`);
      if (p.stdout.includes('hash chain: BROKEN')) chainBroken = true;
      ((results[name] ??= {})[tree] ??= []).push({ wall: m[0], cpu: m[1] + m[2] });
      console.log(`${tree} ${name}: ${m[0]} s wall, ${(m[1] + m[2]).toFixed(1)} s CPU (exit ${p.status}) ${p.stdout.split('\n').slice(0, 2).join(' | ')}`);
    }
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const mb = bytes / 1e6;
const machine = { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version, date: new Date().toISOString(), load: os.loadavg().map((l) => +l.toFixed(2)) };
const out = { log, megabytes: +mb.toFixed(1), runs, machine, ...(history ? { history } : {}), results: Object.fromEntries(Object.entries(results).map(([n, t]) => [n, Object.fromEntries(Object.entries(t).map(([k, v]) => {
  const wall = med(v.map((x) => x.wall)), cpu = med(v.map((x) => x.cpu));
  return [k, { wallS: wall, cpuS: +cpu.toFixed(1), mbPerSWall: +(mb / wall).toFixed(1), mbPerSCpu: +(mb / cpu).toFixed(1) }];
}))])) };
console.log(JSON.stringify(out, null, 2));
mkdirSync('bench/results', { recursive: true });
const name = process.env.NAME ?? 'cases-cli';
writeFileSync(`bench/results/${name}.json`, `${JSON.stringify(out, null, 2)}\n`);
const rows = Object.entries(out.results).flatMap(([n, t]) => Object.entries(t).map(([k, v]) => `| \`${n}\` | ${k} | ${v.wallS} s | ${v.cpuS} s | ${v.mbPerSWall} MB/s | ${v.mbPerSCpu} MB/s |`));
writeFileSync(`bench/results/${name}.md`, `# The CLI streaming the case history

Log: \`${log}\` (${out.megabytes} MB). Command: \`LOG=${log}${process.env.BEFORE ? ' BEFORE=…' : ''}${process.env.NAME ? ` NAME=${name}` : ''}${process.env.HISTORY ? ' HISTORY=1' : ''} node --conditions=source --import tsx bench/cases-cli.bench.ts\`.
Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.date}; load average at the end ${machine.load.join(' / ')} (shared machine: wall times stretch with the load; CPU time is the fairer figure).
Each command in its own process from the sources (tsx), ${runs} run(s)${process.env.BEFORE ? ', ours and the earlier tree alternately' : ''}. Throughput: the log's size over the time. Aim (issue 20): ≥ 100 MB/s.

| command | tree | wall | CPU (user + sys) | MB/s (wall) | MB/s (CPU) |
|---|---|---|---|---|---|
${rows.join('\n')}
${history ? `\n\`jiceng history\` wrote the log first: ${history.wallS} s wall, ${history.cpuS} s CPU (aim: ≤ 20 s).\n` : ''}
${chainBroken ? '\n`replay --verify` found the chain broken (a log cut from a longer one has no trailer), so after the chain pass it replayed with the per-line schema check, as `replay` does.\n' : ''}
See \`cases-profile.md\` for what the profiles say stands in the way.
`);
