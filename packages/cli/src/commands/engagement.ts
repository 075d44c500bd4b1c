/**
 * `jiceng engagement`: participation, hours and points rankings of a node on the generated
 * Putian engagement year (群众点单、社区派单、党员接单, the time bank and points).
 * @module
 */
import { type Lang, type LocalizedText } from '@jiceng/core';
import { maskName } from '@jiceng/core/access';
import { participation, pendingOf, pointsAccountOf, timeAccountOf, type ParticipationRow } from '@jiceng/core/engagement';
import { generatePutian, generatePutianEngagement, putianEngagementSummary } from '@jiceng/putian';
import { EXIT, parseCommandArgs, usageError, type Command } from '../command.js';
import { columns } from './stats.js';

const T = {
  title: { zh: '党员下沉服务与积分', en: 'Party members serving communities: hours and points' },
  node: { zh: '节点', en: 'Node' },
  reported: { zh: '报到人数', en: 'Reported' },
  active: { zh: '活跃人数', en: 'Active' },
  activeRate: { zh: '活跃率', en: 'Active rate' },
  hours: { zh: '服务时长', en: 'Hours' },
  orders: { zh: '完成订单', en: 'Orders' },
  perMember: { zh: '人均订单', en: 'Orders per member' },
  satisfaction: { zh: '满意度', en: 'Satisfaction' },
  points: { zh: '积分', en: 'Points' },
  member: { zh: '党员', en: 'Member' },
  bank: { zh: '时间银行余额', en: 'Time-bank balance' },
  byHours: { zh: '下级按服务时长排名', en: 'Children ranked by hours' },
  byActive: { zh: '下级按活跃率排名', en: 'Children ranked by active rate' },
  topPoints: { zh: '积分前十（姓名已脱敏）', en: 'Top ten by points (names masked)' },
  ledgers: { zh: '账本平衡（时间 / 积分）', en: 'Ledgers balance (time / points)' },
  inputs: { zh: '生成数据：莆田，种子', en: 'Generated data: Putian, seed' },
} satisfies Record<string, LocalizedText>;

const num = (n: number, d = 0) => (Number.isNaN(n) ? '—' : n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
const pct = (a: number, b: number) => (b > 0 ? `${((100 * a) / b).toFixed(1)}%` : '—');

function table(rows: readonly ParticipationRow[], lang: Lang): string {
  const t = (k: keyof typeof T) => T[k][lang];
  return columns([
    [t('node'), t('reported'), t('active'), t('activeRate'), t('hours'), t('orders'), t('perMember'), t('satisfaction'), t('points')],
    ...rows.map((r) => [r.name, num(r.reported), num(r.active), pct(r.active, r.reported), num(r.hours, 1), num(r.orders), num(r.ordersPerMember, 2), num(r.satisfaction, 2), num(r.points)]),
  ]);
}

/**
 * `jiceng engagement [--node CODE] [--seed N] [--orders N] [--lang en]`: generates Putian and
 * its engagement year (same seed, same data) and prints, for the node (default the city), its
 * totals, its children ranked by hours and by active rate, and the ten members with most
 * points, names masked.
 *
 * @example
 * ```ts
 * const io = memoryIo();
 * await engagementCommand.run(['--node', '350302000000', '--lang', 'en'], io); // 0
 * ```
 */
export const engagementCommand: Command = {
  name: 'engagement',
  summary: { zh: '输出某节点的党员报到、服务时长与积分排名（莆田生成数据）', en: 'Print participation, hours and points rankings of a node (generated Putian data)' },
  usage: 'jiceng engagement [--node CODE] [--seed N] [--orders N] [--lang en]',
  run(args, io) {
    const p = parseCommandArgs(engagementCommand, args, { node: { type: 'string' }, seed: { type: 'string' }, orders: { type: 'string' } }, io, { max: 0 });
    if (!p.ok) return p.exit;
    const { lang } = p;
    const t = (k: keyof typeof T) => T[k][lang];
    const intOpt = (name: string, fallback: number, min: number): number | null => {
      const v = p.values[name] as string | undefined;
      if (v === undefined) return fallback;
      return /^\d{1,9}$/.test(v) && Number(v) >= min ? Number(v) : null;
    };
    const seed = intOpt('seed', 1, 0);
    if (seed === null) return usageError(engagementCommand, io, lang, { zh: '--seed 应为非负整数', en: '--seed must be a non-negative integer' });
    const orders = intOpt('orders', 40_000, 0);
    if (orders === null) return usageError(engagementCommand, io, lang, { zh: '--orders 应为非负整数', en: '--orders must be a non-negative integer' });
    const data = generatePutian({ seed });
    const code = (p.values.node as string | undefined) ?? data.nodes[0].code;
    if (!data.nodes.some((n) => n.code === code)) return usageError(engagementCommand, io, lang, { zh: `节点不存在：${code}`, en: `no such node: ${code}` });
    const g = generatePutianEngagement(data, { orders });
    const h = g.hierarchy;
    const pos = h.indexOf(code);
    const name = lang === 'en' ? h.nameEn(pos) : h.name(pos);
    const level = h.level(pos).id;
    const [self] = participation(g.state, h, code, level);
    const out: string[] = [`${t('title')} — ${name} (${code}), ${g.year}`, `${t('inputs')} ${seed}`, ''];
    if (self) out.push(table([{ ...self, name }], lang), '');
    const childLevel = h.config.levels[h.levelOf[pos] + 1]?.id;
    if (childLevel !== undefined && h.childCount(pos) > 0) {
      const rows = participation(g.state, h, code, childLevel, { sortBy: 'hours' }).map((r) => (lang === 'en' ? { ...r, name: h.nameEn(h.indexOf(r.node)) } : r));
      if (rows.length > 0) {
        out.push(`${t('byHours')}`, table(rows.slice(0, 20), lang), '');
        const byActive = [...rows].sort((a, b) => (b.reported ? b.active / b.reported : 0) - (a.reported ? a.active / a.reported : 0)).slice(0, 10);
        out.push(`${t('byActive')}`, table(byActive, lang), '');
      }
    }
    const top = [...g.state.members.values()]
      .filter((m) => { const q = h.indexOf(m.node); return q >= 0 && h.isAncestor(pos, q); })
      .map((m) => {
        const pts = (g.state.accounts.get(pointsAccountOf(m.id))?.balance ?? 0) + (g.state.accounts.get(pendingOf(pointsAccountOf(m.id)))?.balance ?? 0);
        return { m, pts, bank: g.state.accounts.get(timeAccountOf(m.id))?.balance ?? 0 };
      })
      .sort((a, b) => b.pts - a.pts || (a.m.id < b.m.id ? -1 : 1))
      .slice(0, 10);
    out.push(t('topPoints'), columns([
      [t('member'), t('node'), t('points'), t('bank'), t('orders')],
      ...top.map(({ m, pts, bank }) => [maskName(m.name), lang === 'en' ? h.nameEn(h.indexOf(m.node)) : h.name(h.indexOf(m.node)), num(pts), num(bank, 1), num(m.served)]),
    ]), '');
    const sums = putianEngagementSummary(g).ledgerSums;
    out.push(`${t('ledgers')}: ${sums.time} / ${sums.points}`);
    io.out(`${out.join('\n')}\n`);
    return EXIT.ok;
  },
};
