/**
 * `jiceng dossier`: prints one case's file 一件一档 from an event log, for an actor and
 * through the access layer — scoped and masked, never raw.
 * @module
 */
import { CaseStore, type HierarchyIndex, type Lang, type LocalizedText } from '@jiceng/core';
import {
  accessIssue, createAccess, DEFAULT_ROLE_RULES, maskRecord, readDossier, type Access,
} from '@jiceng/core/access';
import { CASE_STATUS_LABELS, type Dossier, type DossierStep } from '@jiceng/core/cases';
import { EXIT, parseCommandArgs, usageError, type Command } from '../command.js';
import { count, issueLine, loadCaseCity, scanEventLog } from '../case-log.js';
import { need } from '@jiceng/core/errors';

const ROLES = new Map(DEFAULT_ROLE_RULES.map((r) => [r.id, r]));

const STEP_STATUS: Record<DossierStep['status'], LocalizedText> = {
  done: { zh: '已完成', en: 'done' },
  current: { zh: '进行中', en: 'current' },
  pending: { zh: '未开始', en: 'pending' },
  skipped: { zh: '不适用', en: 'n/a' },
};
const MARKS: Record<Dossier['entries'][number]['marks'][number], LocalizedText> = {
  supervision: { zh: '督办', en: 'supervision' },
  accountability: { zh: '问责', en: 'accountability' },
  rework: { zh: '返工', en: 'rework' },
  recurrence: { zh: '问题复发', en: 'recurrence' },
};
const CIRCLED = '①②③④⑤⑥⑦';

/**
 * The CLI states no purpose and keeps no audit log, so it shows no more than staff may see
 * without one: each note goes through the `case` field policy again as a description capped
 * at `internal` (`maskRecord`: numbers in it masked even for roles that could read them with
 * a purpose), and the actor id of a citizen reporter (an app account may be a phone number)
 * as the withheld `reporterId`.
 */
function capAtInternal(access: Access, d: Dossier): Dossier {
  return {
    ...d,
    entries: d.entries.map((e) => {
      const citizen = ROLES.get(e.role)?.scope === 'own-reports';
      if (e.note === undefined && !citizen) return e;
      const record: Record<string, unknown> = { id: d.caseId, node: d.node.code };
      if (e.note !== undefined) record.description = e.note;
      if (citizen) record.reporterId = e.actor;
      const m = maskRecord(access, 'case', record);
      const out = { ...e };
      if (e.note !== undefined) out.note = String(m.description);
      if (citizen) out.actor = typeof m.reporterId === 'string' ? m.reporterId : '***';
      return out;
    }),
  };
}

/** The file as text: header, the seven steps, the timeline and the summary. */
function render(d: Dossier, viewer: string, lang: Lang, h: HierarchyIndex): string {
  const en = lang === 'en';
  const nodeName = (code: string, given?: string) => {
    const i = h.indexOf(code);
    return i < 0 ? given : en ? h.nameEn(i) : h.name(i);
  };
  const named = (code: string, given?: string) => {
    const n = nodeName(code, given);
    return n === undefined ? code : `${n} ${code}`;
  };
  const sep = en ? ': ' : '：';
  const role = (id: string) => ROLES.get(id)?.name[lang] ?? id;
  const out = [
    `${en ? 'Case file' : '一件一档'} ${d.caseId}`,
    `${en ? 'Node' : '所在节点'}${sep}${named(d.node.code, d.node.name)}`,
  ];
  if (d.category) out.push(`${en ? 'Category' : '事项类别'}${sep}${d.category.name ? `${d.category.name[lang]} (${d.category.id})` : d.category.id}`);
  out.push(`${en ? 'Status' : '状态'}${sep}${CASE_STATUS_LABELS[d.status][lang]} (${d.status})`, `${en ? 'Viewed as' : '查看身份'}${sep}${viewer}`, '', en ? 'Seven steps:' : '七步闭环：');
  d.steps.forEach((s, i) => {
    const at = s.at === undefined ? '' : `  ${d.entries.find((e) => e.at === s.at)?.atLocal ?? ''}`;
    out.push(`  ${CIRCLED[i]} ${s.name[lang]}  ${STEP_STATUS[s.status][lang]}${at}`.trimEnd());
  });
  out.push('', en ? 'Timeline:' : '时间线：');
  const stepName = new Map(d.steps.map((s) => [s.id, s.name[lang]]));
  for (const e of d.entries) {
    const parts = [`  ${String(e.version).padStart(2)}. ${e.atLocal}  [${stepName.get(e.step) ?? e.step}]  ${e.title[lang]}`];
    parts.push(`${e.actor} (${role(e.role)} @ ${named(e.roleNode, e.roleNodeName)})`);
    if (e.deadline) {
      const met = e.deadline.met ? (en ? 'met' : '按期') : (en ? 'MISSED' : '超期');
      parts.push(en ? `due ${e.deadline.dueLocal}: ${met}` : `时限 ${e.deadline.dueLocal}：${met}`);
    }
    if (e.sets) parts.push(en ? `new deadline ${e.sets.dueLocal}` : `新时限 ${e.sets.dueLocal}`);
    if (e.marks.length) parts.push(`[${e.marks.map((m) => MARKS[m][lang]).join(', ')}]`);
    out.push(parts.join('  '));
    if (e.note !== undefined) out.push(`      ${en ? 'note' : '说明'}${sep}${e.note}`);
    if (e.attachments.length) out.push(`      ${en ? 'attachments' : '附件'}${sep}${e.attachments.length}`);
  }
  const s = d.summary;
  out.push('', en
    ? `${count(s.events)} events; deadlines missed ${s.deadlinesMissed}; rework ${s.rework}; escalations ${s.escalations}; extensions ${s.extensions}; supervisions ${s.supervisions}; accountability ${s.accountabilities}; satisfaction ${s.satisfaction ?? '—'}`
    : `共 ${count(s.events)} 个事件；超期 ${s.deadlinesMissed} 次；返工 ${s.rework} 次；上报 ${s.escalations} 次；延期 ${s.extensions} 次；督办 ${s.supervisions} 次；问责 ${s.accountabilities} 次；满意度 ${s.satisfaction ?? '—'}`);
  return `${out.join('\n')}\n`;
}

/**
 * `ROLE@NODECODE` (the `--as` option of `dossier` and `stats`) → the grant, or undefined.
 *
 * @example
 * ```ts
 * parseAs('grid-worker@350302001001001'); // { role: 'grid-worker', node: '350302001001001' }
 * ```
 */
export function parseAs(text: string): { role: string; node: string } | undefined {
  need('parseAs', 'text', text, 'string');
  const m = /^([^@\s]+)@([^@\s]+)$/.exec(text);
  return m ? { role: m[1], node: m[2] } : undefined;
}

/**
 * `jiceng dossier <log.jsonl> <case-id> [--as ROLE@NODECODE] [--hierarchy FILE.json] [--json] [--lang en]`:
 * reads the case's lines from the log (line by line; other cases' lines are not parsed),
 * builds its file — the seven steps and a timeline of every event with step, time, actor,
 * role, deadline met or missed, and notes — and prints it as text, or as the dossier JSON
 * with `--json`. It is read through the access layer (`readDossier`): `--as ROLE@NODECODE`
 * reads as an actor holding that role on that node — a case outside that subtree is refused
 * with `E_NO_CASE` ("no such case within your scope", exit 1, nothing of the case printed),
 * exactly as an id that is not in the log, so the refusal never tells that the case exists; without `--as` it reads as an
 * auditor of the whole city. Either way the CLI states no purpose, so personal data is
 * masked down to what staff may see without one (phone and ID numbers in notes masked,
 * citizen reporters' ids withheld, no raw events): the CLI never prints unmasked personal
 * data. Exit 1 also when the case is not in the log, or when lines of the case are invalid
 * (they are listed on stderr, the valid part is still shown).
 *
 * @example
 * ```ts
 * const io = memoryIo({ 'log.jsonl': text });
 * await dossierCommand.run(['log.jsonl', 'PT-0000001', '--as', 'grid-worker@350302001001001', '--lang', 'en'], io);
 * ```
 */
export const dossierCommand: Command = {
  name: 'dossier',
  summary: {
    zh: '输出一件案件的档案（一件一档）；经权限层按身份限定范围并脱敏，不加 --as 时为审计员的脱敏视图',
    en: "Print one case's file (one case, one file), scoped and masked for an actor; without --as, the auditor's masked view",
  },
  usage: 'jiceng dossier <log.jsonl> <case-id> [--as ROLE@NODECODE] [--hierarchy FILE.json] [--json] [--lang en]',
  async run(args, io) {
    const p = parseCommandArgs(dossierCommand, args, { as: { type: 'string' }, hierarchy: { type: 'string' }, json: { type: 'boolean' } }, io, { min: 2, max: 2 });
    if (!p.ok) return p.exit;
    const { lang } = p;
    const en = lang === 'en';
    const [path, caseId] = p.positionals;
    const asText = p.values.as as string | undefined;
    const grant = asText === undefined ? undefined : parseAs(asText);
    if (asText !== undefined && !grant) {
      return usageError(dossierCommand, io, lang, { zh: `--as 应为 角色@节点编码，而不是 ${asText}`, en: `--as must be ROLE@NODECODE, not ${asText}` });
    }
    if (grant && !ROLES.has(grant.role)) {
      return usageError(dossierCommand, io, lang, {
        zh: `未知角色 ${grant.role}（可用：${[...ROLES.keys()].join('、')}）`,
        en: `unknown role ${grant.role} (known: ${[...ROLES.keys()].join(', ')})`,
      });
    }
    if ((await io.kind(path)) !== 'file') return usageError(dossierCommand, io, lang, { zh: `文件不存在：${path}`, en: `no such file: ${path}` });
    const city = await loadCaseCity(io, p.values.hierarchy as string | undefined, lang);
    if ('error' in city) {
      io.err(`${city.error}\n`);
      return EXIT.problems;
    }
    const h = city.hierarchy;
    if (grant && h.indexOf(grant.node) < 0) {
      return usageError(dossierCommand, io, lang, { zh: `节点编码不存在：${grant.node}`, en: `no such node code: ${grant.node}` });
    }
    const actorGrant = grant ?? { role: 'auditor', node: h.code(0) };
    const access = createAccess({ id: `jiceng-cli:${actorGrant.role}@${actorGrant.node}`, roles: [actorGrant] }, h);

    const store = new CaseStore(city, { keepLog: true, capacity: 16 });
    const scan = await scanEventLog(io, path, store, { only: caseId });
    const built = store.dossier(caseId, city);
    // A case not in the log and a case outside the reader's scope get the same answer
    // (E_NO_CASE, "no such case within your scope"): a refusal never tells that a case exists.
    const missing = () => {
      const p = accessIssue('E_NO_CASE', caseId);
      io.err(`${p.code}: ${p[lang]}\n`);
      return EXIT.problems;
    };
    if (!built.ok) return built.errors[0].code === 'E_NO_CASE' ? missing() : (io.err(`${built.errors.map((e) => issueLine(path, e, lang)).join('\n')}\n`), EXIT.problems);
    // Scope first: a refused reader learns nothing of the case, not even its invalid lines.
    const read = readDossier(access, built.value, { withoutPurpose: 'mask' });
    if (!read.ok && read.errors[0].code === 'E_NO_CASE') return missing();
    if (!read.ok) {
      io.err(`${read.errors.map((e) => `${e.code}: ${e[lang]}`).join('\n')}\n`);
      return EXIT.problems;
    }
    const file = capAtInternal(access, read.value);
    const node = h.indexOf(actorGrant.node);
    const where = `${en ? h.nameEn(node) : h.name(node)} ${actorGrant.node}`;
    const viewer = grant
      ? `${ROLES.get(grant.role)!.name[lang]} @ ${where}${en ? ', masked (no purpose given)' : '，脱敏（未说明用途）'}`
      : `${ROLES.get('auditor')!.name[lang]} @ ${where}${en ? ' (default: the auditor\'s masked view)' : '（默认：审计员的脱敏视图）'}`;
    io.out(p.values.json ? `${JSON.stringify(file, null, 2)}\n` : render(file, viewer, lang, h));
    for (const e of scan.issues) io.err(`${issueLine(path, e, lang)}\n`);
    return scan.issues.length ? EXIT.problems : EXIT.ok;
  },
};
