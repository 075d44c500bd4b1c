// Story data: hand-made rows of the shapes the core's alertRows and dispatchBoard give.
import type { AlertRow, BoardLoad, BoardRow } from '@jiceng/core/alerts';

export const NOW = Date.parse('2025-03-03T15:00:00+08:00');
const n = (zh: string, en: string) => ({ zh, en });
export const ALERTS: AlertRow[] = [
  { id: 'A-2', version: 1, status: 'raised', severity: 'critical', kind: 'cluster', rule: 'fire-cluster', ruleName: n('消防隐患聚集', 'Fire hazards clustering'), node: '350302101001001', place: n('第一网格', 'Grid 1'), raisedAt: NOW - 20 * 60_000, count: 2, categoryName: n('消防安全隐患', 'Fire hazards'), actions: ['acknowledge', 'assign', 'escalate', 'resolve'] },
  { id: 'A-1', version: 1, status: 'raised', severity: 'warning', kind: 'cluster', rule: 'grid-cluster', ruleName: n('网格内同类事件聚集', 'Cases of one kind clustering in a grid'), node: '350302101001002', place: n('第二网格', 'Grid 2'), raisedAt: NOW - 3 * 3_600_000, count: 3, categoryName: n('暴露垃圾', 'Exposed rubbish'), actions: ['acknowledge', 'assign', 'escalate', 'resolve'] },
  { id: 'A-3', version: 3, status: 'acknowledged', severity: 'notice', kind: 'recurrence', rule: 'unit-recurrence', ruleName: n('同一单元问题反复', 'A unit reported again'), node: '350302101001001001', place: n('一号楼', 'Block 1'), raisedAt: NOW - 26 * 3_600_000, count: 1, caseId: 'C-118', escalations: 1, actions: ['assign', 'resolve'] },
];
export const ROWS: BoardRow[] = [
  { caseId: 'C-121', version: 2, waitingFor: 'dispatch', node: '350302101001001001', place: n('一号楼', 'Block 1'), category: 'city.rubbish', categoryName: n('暴露垃圾', 'Exposed rubbish'), urgency: 'normal', since: NOW - 2 * 3_600_000, deadline: NOW - 3_600_000, targets: [{ node: '350302101000', name: n('镇海街道', 'Zhenhai') }, { node: '350302101001', name: n('英龙社区', 'Yinglong') }] },
  { caseId: 'C-119', version: 3, waitingFor: 'accept', node: '350302101001002001', place: n('三号楼', 'Block 3'), category: 'dispute.neighbour', categoryName: n('邻里纠纷', 'Neighbour disputes'), urgency: 'normal', since: NOW - 5 * 3_600_000, deadline: NOW + 30 * 3_600_000, handler: '350302101001', targets: [] },
  { caseId: 'C-122', version: 1, waitingFor: 'register', node: '350302101001001002', place: n('二号楼', 'Block 2'), category: null, categoryName: null, urgency: null, since: NOW - 10 * 60_000, deadline: NaN, targets: [] },
];
export const LOADS: BoardLoad[] = [
  { node: '350302101000', name: n('镇海街道', 'Zhenhai'), waiting: 0, handling: 2, overdue: 0 },
  { node: '350302101001', name: n('英龙社区', 'Yinglong'), waiting: 1, handling: 6, overdue: 1 },
];
