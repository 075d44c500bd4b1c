// Every allowed and every refused transition of the seven-step loop, with the reason code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addTimeLimit, workingMsBetween } from '@jiceng/core/calendar';
import { CASE_ACTIONS, createEmpoweredCatalogue, availableActions, type CaseContext } from '@jiceng/core/cases';
import { ACTORS, calendar, discover, makeCtx, makeStore, PATHS, runSteps, V1, V2, T1, T2, COUNTY, CITY, U1, U4, type ActorKey, type Step } from './cases-fixture.js';

interface Row {
  from: string | Step[];
  who: ActorKey;
  cmd: { type: string } & Record<string, unknown>;
  /** The event type produced, or the refusal code. */
  expect: string;
  /** Status after an allowed transition. */
  status?: string;
  ctx?: Partial<CaseContext>;
}

const registerIB: Step = ['to', { type: 'register', category: 'city.illegal-building', urgency: 'normal', description: '违建' }];

const townHandled: Step[] = [...PATHS.registered, ['to', { type: 'dispatch', node: T1 }], ['to', { type: 'accept' }], ['to', { type: 'reportHandled', result: '已处置' }]];

const ROWS: Row[] = [
  // 3 collection: register / reject / duplicate
  { from: 'discovered', who: 'vo', cmd: { type: 'register', category: 'dispute.family', urgency: 'urgent', description: '家庭纠纷' }, expect: 'registered', status: 'registered' },
  { from: 'discovered', who: 'vo', cmd: { type: 'reject', reason: '重复反映' }, expect: 'rejected', status: 'rejected' },
  { from: 'discovered', who: 'vo', cmd: { type: 'linkDuplicate', of: 'c-0' }, expect: 'E_NO_CASE' },
  { from: 'discovered', who: 'vo', cmd: { type: 'linkDuplicate', of: 'c-1' }, expect: 'E_SELF_DUPLICATE' },
  { from: 'discovered', who: 'vo', cmd: { type: 'register', category: 'nope', urgency: 'normal', description: 'x' }, expect: 'E_UNKNOWN_CATEGORY' },
  { from: 'discovered', who: 'vo', cmd: { type: 'register', category: 'dispute', urgency: 'whenever', description: 'x' }, expect: 'E_INVALID_INPUT' },
  { from: 'discovered', who: 'gw', cmd: { type: 'register', category: 'dispute', urgency: 'normal', description: 'x' }, expect: 'E_NOT_PERMITTED' },
  { from: 'discovered', who: 'voOther', cmd: { type: 'register', category: 'dispute', urgency: 'normal', description: 'x' }, expect: 'E_OUT_OF_SCOPE' },
  { from: 'discovered', who: 'vo', cmd: { type: 'dispatch', node: V1 }, expect: 'E_WRONG_STATE' },
  { from: 'discovered', who: 'vo', cmd: { type: 'close' }, expect: 'E_WRONG_STATE' },
  { from: 'registered', who: 'vo', cmd: { type: 'register', category: 'dispute', urgency: 'normal', description: 'x' }, expect: 'E_WRONG_STATE' },
  { from: 'registered', who: 'vo', cmd: { type: 'reject', reason: '已立案' }, expect: 'E_WRONG_STATE' },
  { from: 'discovered', who: 'gw', cmd: { type: 'reject', reason: 'x' }, expect: 'E_NOT_PERMITTED' },
  { from: 'rejected', who: 'vo', cmd: { type: 'register', category: 'dispute', urgency: 'normal', description: 'x' }, expect: 'E_WRONG_STATE' },
  { from: [discover(), ...PATHS.discovered], who: 'vo', cmd: { type: 'linkDuplicate', of: 'c-1', note: '同一楼道' }, expect: 'duplicateLinked', status: 'duplicate' },
  { from: [discover(), ...PATHS.registered], who: 'to', cmd: { type: 'linkDuplicate', of: 'c-1' }, expect: 'duplicateLinked', status: 'duplicate' },
  { from: [discover(), ...PATHS.registered], who: 'gw', cmd: { type: 'linkDuplicate', of: 'c-1' }, expect: 'E_NOT_PERMITTED' },
  // 4 dispatch
  { from: 'registered', who: 'vo', cmd: { type: 'dispatch', node: V1 }, expect: 'dispatched', status: 'dispatched' },
  { from: 'registered', who: 'gh', cmd: { type: 'dispatch', node: V1 }, expect: 'E_OUT_OF_SCOPE' },
  { from: 'registered', who: 'to', cmd: { type: 'dispatch', node: T1, department: '司法所' }, expect: 'dispatched', status: 'dispatched' },
  { from: 'registered', who: 'vo', cmd: { type: 'dispatch', node: T1 }, expect: 'E_OUT_OF_SCOPE' },
  { from: 'registered', who: 'to', cmd: { type: 'dispatch', node: V2 }, expect: 'E_NOT_ON_PATH' },
  { from: 'registered', who: 'vo', cmd: { type: 'dispatch', node: '' }, expect: 'E_INVALID_INPUT' },
  { from: 'registered', who: 'vo', cmd: { type: 'dispatch', node: '350399999999' }, expect: 'E_UNKNOWN_NODE' },
  { from: 'registered', who: 'gw', cmd: { type: 'dispatch', node: V1 }, expect: 'E_NOT_PERMITTED' },
  { from: 'registered', who: 'vo', cmd: { type: 'linkDuplicate', of: 'c-1' }, expect: 'E_SELF_DUPLICATE' },
  { from: [...PATHS.discovered, registerIB], who: 'to', cmd: { type: 'dispatch', node: V1 }, expect: 'E_BELOW_HANDLING_LEVEL' },
  { from: [...PATHS.discovered, registerIB], who: 'to', cmd: { type: 'dispatch', node: T1 }, expect: 'dispatched' },
  { from: [...PATHS.discovered, registerIB], who: 'to', cmd: { type: 'dispatch', node: T1 }, expect: 'E_NOT_EMPOWERED', ctx: { catalogue: createEmpoweredCatalogue({ [T2]: ['city.illegal-building'] }) } },
  // 5 handling
  { from: 'dispatched', who: 'gw', cmd: { type: 'accept' }, expect: 'accepted', status: 'handling' },
  { from: 'dispatched', who: 'vo', cmd: { type: 'return', reason: '不属于本村' }, expect: 'returned', status: 'registered' },
  { from: 'dispatched', who: 'to', cmd: { type: 'accept' }, expect: 'E_NOT_HANDLER' },
  { from: 'dispatched', who: 'gwOther', cmd: { type: 'accept' }, expect: 'E_OUT_OF_SCOPE' },
  { from: 'dispatched', who: 'vo', cmd: { type: 'escalate', reason: '村级无法化解' }, expect: 'escalated', status: 'dispatched' },
  { from: 'dispatched', who: 'gw', cmd: { type: 'reportHandled', result: 'x' }, expect: 'E_WRONG_STATE' },
  { from: [...PATHS.registered, ['vo', { type: 'dispatch', node: V1, person: 'gw2' }]], who: 'gw', cmd: { type: 'accept' }, expect: 'E_NOT_HANDLER' },
  { from: [...PATHS.registered, ['vo', { type: 'dispatch', node: V1, person: 'gw2' }]], who: 'gw2', cmd: { type: 'accept' }, expect: 'accepted' },
  { from: [...PATHS.registered, ['to', { type: 'dispatch', node: T1, department: '城管' }]], who: 'deptOther', cmd: { type: 'accept' }, expect: 'E_NOT_HANDLER' },
  { from: [...PATHS.registered, ['to', { type: 'dispatch', node: T1, department: '城管' }]], who: 'dept', cmd: { type: 'accept' }, expect: 'accepted' },
  { from: 'handling', who: 'gw', cmd: { type: 'reportProgress', note: '已约谈双方' }, expect: 'progressReported', status: 'handling' },
  { from: 'handling', who: 'gw', cmd: { type: 'requestExtension', limit: { amount: 2, unit: 'workDays' }, reason: 'r' }, expect: 'extensionRequested' },
  { from: 'handling', who: 'gw', cmd: { type: 'requestSuspension', reason: 'r' }, expect: 'suspensionRequested' },
  { from: 'handling', who: 'gw', cmd: { type: 'escalate', reason: 'r' }, expect: 'escalated', status: 'dispatched' },
  { from: 'handling', who: 'gw', cmd: { type: 'reportHandled', result: '已处置' }, expect: 'handled', status: 'handled' },
  { from: 'handling', who: 'gw', cmd: { type: 'accept' }, expect: 'E_WRONG_STATE' },
  { from: 'handling', who: 'gw2', cmd: { type: 'verify', passed: true, note: 'x' }, expect: 'E_WRONG_STATE' },
  { from: 'handling', who: 'vo', cmd: { type: 'decideExtension', grant: true, reason: 'x' }, expect: 'E_NO_REQUEST' },
  { from: 'extensionPending', who: 'vo', cmd: { type: 'decideExtension', grant: true, reason: '同意' }, expect: 'extensionGranted', status: 'handling' },
  { from: 'extensionPending', who: 'vo', cmd: { type: 'decideExtension', grant: false, reason: '理由不足' }, expect: 'extensionDenied', status: 'handling' },
  { from: 'extensionPending', who: 'gw', cmd: { type: 'decideExtension', grant: true, reason: 'x' }, expect: 'E_NOT_PERMITTED' },
  { from: 'extensionPending', who: 'voOther', cmd: { type: 'decideExtension', grant: true, reason: 'x' }, expect: 'E_OUT_OF_SCOPE' },
  { from: [...PATHS.handling, ['vo', { type: 'requestExtension', limit: { amount: 1, unit: 'workDays' }, reason: 'r' }]], who: 'vo', cmd: { type: 'decideExtension', grant: true, reason: 'x' }, expect: 'E_SELF_APPROVE' },
  { from: 'extensionPending', who: 'gw', cmd: { type: 'requestSuspension', reason: 'r' }, expect: 'E_PENDING_REQUEST' },
  { from: 'extensionPending', who: 'vo', cmd: { type: 'decideSuspension', grant: true, reason: 'r' }, expect: 'E_NO_REQUEST' },
  { from: 'suspensionPending', who: 'vo', cmd: { type: 'decideSuspension', grant: true, reason: '同意' }, expect: 'suspensionGranted', status: 'suspended' },
  { from: 'suspensionPending', who: 'vo', cmd: { type: 'decideSuspension', grant: false, reason: '不同意' }, expect: 'suspensionDenied', status: 'handling' },
  { from: 'suspended', who: 'vo', cmd: { type: 'resume' }, expect: 'resumed', status: 'handling' },
  { from: 'suspended', who: 'gw', cmd: { type: 'reportHandled', result: 'x' }, expect: 'E_WRONG_STATE' },
  { from: 'suspended', who: 'gw', cmd: { type: 'resume' }, expect: 'E_NOT_PERMITTED' },
  { from: 'suspended', who: 'vo', cmd: { type: 'close' }, expect: 'E_WRONG_STATE' },
  { from: 'handling', who: 'to', cmd: { type: 'reportProgress', note: 'x' }, expect: 'E_NOT_HANDLER' },
  { from: 'handling', who: 'gwOther', cmd: { type: 'reportHandled', result: 'x' }, expect: 'E_OUT_OF_SCOPE' },
  { from: 'dispatched', who: 'to', cmd: { type: 'return', reason: 'x' }, expect: 'E_NOT_HANDLER' },
  { from: 'handling', who: 'hot', cmd: { type: 'requestExtension', limit: { amount: 1, unit: 'workDays' }, reason: 'r' }, expect: 'E_NOT_PERMITTED' },
  { from: 'handling', who: 'gw', cmd: { type: 'requestExtension', limit: { amount: 0, unit: 'workDays' }, reason: 'r' }, expect: 'E_INVALID_INPUT' },
  { from: 'suspended', who: 'voOther', cmd: { type: 'resume' }, expect: 'E_OUT_OF_SCOPE' },
  { from: 'suspended', who: 'to', cmd: { type: 'resume' }, expect: 'resumed', status: 'handling' },
  { from: 'suspended', who: 'sup', cmd: { type: 'supervise', note: '挂账督办' }, expect: 'supervised', status: 'suspended' },
  // 6 verification and feedback
  { from: 'handled', who: 'to', cmd: { type: 'verify', passed: true, note: '已核实' }, expect: 'verified', status: 'verified' },
  { from: 'handled', who: 'to', cmd: { type: 'verify', passed: false, note: '未整改到位' }, expect: 'verified', status: 'handling' },
  // Separation of duties: a colleague of the handler's grid, or anyone of the handling body (the village), may not verify.
  { from: 'handled', who: 'gw2', cmd: { type: 'verify', passed: true, note: '已核实' }, expect: 'E_HANDLING_BODY_VERIFY' },
  { from: 'handled', who: 'vo', cmd: { type: 'verify', passed: true, note: '已核实' }, expect: 'E_HANDLING_BODY_VERIFY' },
  { from: 'handled', who: 'vo', cmd: { type: 'verify', passed: true, note: '已核实' }, expect: 'verified', ctx: { separation: { verify: { notHandler: true }, followUp: {}, close: {} } } },
  { from: townHandled, who: 'vo', cmd: { type: 'verify', passed: true, note: '已核实' }, expect: 'verified', status: 'verified' },
  { from: townHandled, who: 'vo', cmd: { type: 'verify', passed: true, note: '已核实' }, expect: 'E_DUTY_LEVEL', ctx: { separation: { verify: { notHandler: true, level: 'not-below' }, followUp: {}, close: {} } } },
  { from: townHandled, who: 'to2', cmd: { type: 'verify', passed: true, note: '已核实' }, expect: 'E_HANDLING_BODY_VERIFY' },
  { from: [...PATHS.verified], who: 'gw', cmd: { type: 'followUp', satisfaction: 5, recurred: false }, expect: 'E_HANDLER_FOLLOWUP' },
  { from: [...PATHS.followup], who: 'vo', cmd: { type: 'close' }, expect: 'closed', status: 'closed' },
  { from: 'handled', who: 'gw', cmd: { type: 'verify', passed: true, note: '自查' }, expect: 'E_SELF_VERIFY' },
  { from: 'handled', who: 'gwOther', cmd: { type: 'verify', passed: true, note: 'x' }, expect: 'E_OUT_OF_SCOPE' },
  { from: 'handled', who: 'vo', cmd: { type: 'close' }, expect: 'E_NOT_VERIFIED' },
  { from: 'verified', who: 'vo', cmd: { type: 'close' }, expect: 'E_NO_FOLLOWUP' },
  { from: 'verified', who: 'gw', cmd: { type: 'giveFeedback', channel: 'phone', note: '已电话告知' }, expect: 'feedbackGiven', status: 'verified' },
  { from: 'verified', who: 'hot', cmd: { type: 'followUp', satisfaction: 4, recurred: false }, expect: 'followedUp', status: 'followup' },
  { from: 'verified', who: 'vo', cmd: { type: 'followUp', satisfaction: 2, recurred: true }, expect: 'followedUp', status: 'handling' },
  { from: 'verified', who: 'vo', cmd: { type: 'followUp', satisfaction: 6, recurred: false }, expect: 'E_INVALID_INPUT' },
  { from: 'handled', who: 'vo', cmd: { type: 'followUp', satisfaction: 5, recurred: false }, expect: 'E_WRONG_STATE' },
  // 7 follow-up and close
  { from: 'followup', who: 'vo', cmd: { type: 'close', note: '办结' }, expect: 'closed', status: 'closed' },
  { from: 'followup', who: 'to', cmd: { type: 'close' }, expect: 'closed', status: 'closed' },
  { from: 'followup', who: 'gh', cmd: { type: 'close' }, expect: 'E_CLOSE_LEVEL' },
  { from: 'followup', who: 'gw', cmd: { type: 'close' }, expect: 'E_NOT_PERMITTED' },
  { from: 'followup', who: 'voOther', cmd: { type: 'close' }, expect: 'E_OUT_OF_SCOPE' },
  { from: 'followup', who: 'vo', cmd: { type: 'giveFeedback', channel: 'sms', note: 'x' }, expect: 'feedbackGiven', status: 'followup' },
  { from: [discoverBy('citizen'), ...PATHS.followup.slice(1)], who: 'vo', cmd: { type: 'close' }, expect: 'E_NO_FEEDBACK' },
  { from: [discoverBy('citizen'), ...PATHS.followup.slice(1), ['hot', { type: 'giveFeedback', channel: 'phone', note: 'x' }]], who: 'vo', cmd: { type: 'close' }, expect: 'closed' },
  { from: 'closed', who: 'vo', cmd: { type: 'reopen', reason: '群众反映问题复发' }, expect: 'reopened', status: 'dispatched' },
  { from: 'closed', who: 'sup', cmd: { type: 'reopen', reason: '抽查不实' }, expect: 'reopened', status: 'dispatched' },
  { from: 'closed', who: 'vo', cmd: { type: 'close' }, expect: 'E_WRONG_STATE' },
  { from: 'closed', who: 'to', cmd: { type: 'supervise', note: 'x' }, expect: 'E_WRONG_STATE' },
  { from: 'closed', who: 'sup', cmd: { type: 'recordAccountability', person: '某网格员', measure: '约谈', reason: '超期' }, expect: 'accountabilityRecorded', status: 'closed' },
  { from: 'handling', who: 'to', cmd: { type: 'supervise', note: '请加快办理', limit: { amount: 1, unit: 'workDays' } }, expect: 'supervised', status: 'handling' },
  { from: 'handling', who: 'vo', cmd: { type: 'supervise', note: 'x' }, expect: 'E_NOT_PERMITTED' },
  { from: 'handling', who: 'vo', cmd: { type: 'recordAccountability', person: 'p', measure: 'm', reason: 'r' }, expect: 'E_NOT_PERMITTED' },
  { from: [...PATHS.verified, ['gw', { type: 'giveFeedback', channel: 'phone', note: 'x' }]], who: 'vo', cmd: { type: 'giveFeedback', channel: 'sms', note: 'x' }, expect: 'E_WRONG_STATE' },
  { from: 'closed', who: 'gw', cmd: { type: 'reopen', reason: 'x' }, expect: 'E_NOT_PERMITTED' },
  { from: 'closed', who: 'voOther', cmd: { type: 'reopen', reason: 'x' }, expect: 'E_OUT_OF_SCOPE' },
  { from: 'rejected', who: 'vo', cmd: { type: 'reopen', reason: 'x' }, expect: 'E_WRONG_STATE' },
  { from: 'rejected', who: 'sup', cmd: { type: 'recordAccountability', person: 'p', measure: 'm', reason: '错误不予立案' }, expect: 'accountabilityRecorded', status: 'rejected' },
  { from: [...PATHS.closed, ['vo', { type: 'reopen', reason: '复发' }]], who: 'gw', cmd: { type: 'accept' }, expect: 'accepted', status: 'handling' },
  { from: [...PATHS.closed, ['vo', { type: 'reopen', reason: '复发' }], ['gw', { type: 'accept' }]], who: 'gw', cmd: { type: 'reportHandled', result: '再处置' }, expect: 'handled', status: 'handled' },
  // escalation one level at a time to the top
  { from: [...PATHS.registered, ['city', { type: 'dispatch', node: CITY }]], who: 'city', cmd: { type: 'escalate', reason: 'r' }, expect: 'E_NO_HIGHER_LEVEL' },
  { from: [...PATHS.registered, ['co', { type: 'dispatch', node: COUNTY }]], who: 'co', cmd: { type: 'escalate', reason: 'r' }, expect: 'escalated' },
  { from: [...PATHS.discovered, registerIB, ['to', { type: 'dispatch', node: T1 }]], who: 'to', cmd: { type: 'escalate', reason: 'r' }, expect: 'escalated' },
  // discovery
  { from: [], who: 'citizen', cmd: { type: 'discover', node: U1, source: 'citizen', description: '噪音' }, expect: 'discovered', status: 'discovered' },
  { from: [], who: 'citizen', cmd: { type: 'discover', node: U4, source: 'citizen', description: '噪音' }, expect: 'E_OUT_OF_SCOPE' },
  { from: [], who: 'hot', cmd: { type: 'discover', node: U4, source: 'hotline', description: '12345 来电' }, expect: 'discovered' },
  { from: [], who: 'gw', cmd: { type: 'discover', node: U1, source: 'rumour', description: 'x' }, expect: 'E_INVALID_INPUT' },
  { from: [], who: 'gw', cmd: { type: 'discover', node: '350302101001001099', source: 'patrol', description: 'x' }, expect: 'E_UNKNOWN_NODE' },
  { from: [], who: 'sup', cmd: { type: 'discover', node: U1, source: 'patrol', description: 'x' }, expect: 'E_NOT_PERMITTED' },
];

function discoverBy(source: string): Step {
  return ['gw', { type: 'discover', node: U1, source, description: '群众来电反映' }];
}

for (const [i, row] of ROWS.entries()) {
  const from = typeof row.from === 'string' ? row.from : `custom#${i}`;
  test(`${from} · ${row.who} ${row.cmd.type} → ${row.expect}`, () => {
    const store = makeStore();
    const ctx = makeCtx(row.ctx);
    const steps = typeof row.from === 'string' ? PATHS[row.from] : row.from;
    const id = steps.length ? runSteps(store, ctx, steps) : '';
    const before = store.get(id) ? { ...store.get(id)! } : undefined;
    const eventsBefore = store.eventCount;
    const cmd = row.cmd.type === 'discover' ? row.cmd : { ...row.cmd, caseId: id, expectedVersion: before?.version };
    const r = store.execute(cmd, ACTORS[row.who], ctx);
    if (row.expect.startsWith('E_')) {
      assert.equal(r.ok, false, `expected ${row.expect}`);
      if (!r.ok) {
        assert.equal(r.errors[0].code, row.expect, r.errors[0].en);
        assert.ok(r.errors[0].zh && r.errors[0].en);
      }
      assert.equal(store.eventCount, eventsBefore, 'a refused command changes nothing');
      if (before) assert.deepEqual(store.get(id), before);
    } else {
      assert.ok(r.ok, r.ok ? '' : `${r.errors[0].code}: ${r.errors[0].en}`);
      const e = r.value[0];
      assert.equal(e.type, row.expect);
      assert.equal(e.actor, ACTORS[row.who].id);
      assert.equal(e.role, ACTORS[row.who].roles[0].role);
      assert.equal(e.version, (before?.version ?? 0) + 1);
      if (row.status) assert.equal(store.get(e.caseId)!.status, row.status);
    }
  });
}

test('a stale expected version is refused, never merged', () => {
  const store = makeStore();
  const ctx = makeCtx();
  const id = runSteps(store, ctx, PATHS.handling);
  const v = store.get(id)!.version;
  const first = store.execute({ type: 'reportProgress', caseId: id, expectedVersion: v, note: '甲' }, ACTORS.gw, ctx);
  assert.ok(first.ok);
  const second = store.execute({ type: 'reportProgress', caseId: id, expectedVersion: v, note: '乙' }, ACTORS.gw2, ctx);
  assert.equal(second.ok, false);
  if (!second.ok) {
    assert.equal(second.errors[0].code, 'E_STALE_VERSION');
    assert.equal(second.errors[0].column, 'expectedVersion');
  }
  assert.equal(store.get(id)!.version, v + 1);
});

test('field errors name the field with a zh and en message', () => {
  const store = makeStore();
  const ctx = makeCtx();
  const id = runSteps(store, ctx, PATHS.verified);
  const r = store.execute({ type: 'followUp', caseId: id, expectedVersion: store.get(id)!.version, satisfaction: 9 }, ACTORS.vo, ctx);
  assert.equal(r.ok, false);
  if (r.ok) return;
  const byField = Object.fromEntries(r.errors.map((e) => [e.column, e]));
  assert.equal(byField.satisfaction.zh, '满意度：不能超过 5');
  assert.equal(byField.satisfaction.en, 'satisfaction: must be at most 5');
  assert.equal(byField.recurred.zh, '是否复发：必填');
  assert.equal(byField.recurred.en, 'recurred: required');
});

test('dispatch sets the deadline from category and urgency on the working calendar', () => {
  const store = makeStore();
  const ctx = makeCtx();
  const id = runSteps(store, ctx, PATHS.dispatched);
  const s = store.get(id)!;
  assert.equal(s.dueAt, addTimeLimit(calendar, s.dispatchedAt, { amount: 10, unit: 'workDays' }));
  assert.equal(s.dispatchDueAt, addTimeLimit(calendar, s.registeredAt, { amount: 1, unit: 'workHours' }));
});

test('an extension shifts the deadline by the requested working time', () => {
  const store = makeStore();
  const ctx = makeCtx();
  const id = runSteps(store, ctx, PATHS.extensionPending);
  const before = store.get(id)!.dueAt;
  runSteps(store, ctx, [['vo', { type: 'decideExtension', grant: true, reason: '同意' }]], id);
  const s = store.get(id)!;
  assert.equal(s.dueAt, addTimeLimit(calendar, before, { amount: 2, unit: 'workDays' }));
  assert.equal(s.extensions, 1);
  assert.equal(store.facts.extensions[store.rowOf(id)], 1);
  assert.equal(store.facts.dueAt[store.rowOf(id)], s.dueAt);
});

test('a suspension stops the clock: the working time left runs again after resuming', () => {
  const store = makeStore();
  const ctx = makeCtx();
  const id = runSteps(store, ctx, PATHS.suspended);
  const s0 = { ...store.get(id)! };
  const left = workingMsBetween(calendar, s0.suspendedAt, s0.dueAt);
  ctx.tick.now = Date.parse('2025-04-30T10:00:00+08:00'); // resume weeks later, before Labour Day
  runSteps(store, ctx, [['vo', { type: 'resume' }]], id);
  const s = store.get(id)!;
  assert.equal(workingMsBetween(calendar, s.lastAt, s.dueAt), left);
  assert.ok(s.dueAt > Date.parse('2025-05-05T23:59:00+08:00'), 'the Labour Day holiday does not count');
});

test('escalation goes one level up at a time, with a new deadline and the count in the facts', () => {
  const store = makeStore();
  const ctx = makeCtx();
  const id = runSteps(store, ctx, [...PATHS.handling, ['gw', { type: 'escalate', reason: '村级无法化解' }], ['to', { type: 'accept' }], ['to', { type: 'escalate', reason: '需区级协调' }]]);
  const s = store.get(id)!;
  assert.equal(s.handler, COUNTY);
  assert.equal(s.escalations, 2);
  assert.equal(store.facts.escalations[store.rowOf(id)], 2);
});

test('availableActions lists exactly the commands the actor may run now', () => {
  const store = makeStore();
  const ctx = makeCtx();
  const id = runSteps(store, ctx, PATHS.handled);
  const s = store.get(id)!;
  assert.deepEqual(availableActions(s, ACTORS.gw, ctx), []);
  assert.deepEqual(availableActions(s, ACTORS.gw2, ctx), []);
  assert.deepEqual(availableActions(s, ACTORS.vo, ctx), []);
  assert.deepEqual(availableActions(s, ACTORS.to, ctx), ['verify', 'supervise', 'recordAccountability']);
  assert.deepEqual(availableActions(s, ACTORS.voOther, ctx), []);
  const h = store.get(runSteps(store, ctx, PATHS.dispatched))!;
  assert.deepEqual(availableActions(h, ACTORS.gw, ctx), ['accept', 'return', 'escalate']);
  void V2; void T2;
});

test('the facts columns follow the case to closing (status, times, level, satisfaction)', () => {
  const store = makeStore();
  const ctx = makeCtx();
  const id = runSteps(store, ctx, PATHS.closed);
  const r = store.rowOf(id);
  const f = store.facts;
  const s = store.get(id)!;
  assert.equal(f.caseIds[r], id);
  assert.equal(f.node[r], ctx.hierarchy.indexOf(U1));
  assert.equal(f.category[r], ctx.categories.indexOf('dispute.neighbour'));
  assert.equal(f.status[r], 7); // closed
  assert.equal(f.closedAt[r], s.closedAt);
  assert.equal(f.closedLevel[r], 3); // village
  assert.equal(f.satisfaction[r], 5);
  assert.equal(f.handledAt[r], s.handledAt);
  runSteps(store, ctx, [['vo', { type: 'reopen', reason: '复发' }]], id);
  assert.ok(Number.isNaN(f.closedAt[r]));
  assert.equal(f.closedLevel[r], -1);
});

test('events are immutable plain JSON', () => {
  const store = makeStore();
  const ctx = makeCtx();
  runSteps(store, ctx, PATHS.dispatched);
  const [e] = store.events().slice(-1);
  assert.ok(Object.isFrozen(e) && Object.isFrozen(e.data));
  assert.throws(() => { (e.data as { dueAt: number }).dueAt = 0; });
  assert.deepEqual(JSON.parse(JSON.stringify(store.events())), store.events());
});

test("with empoweredScope 'all' a town handles only the categories its catalogue lists", () => {
  const store = makeStore();
  const ctx = makeCtx({ empoweredScope: 'all' });
  const id = runSteps(store, ctx, PATHS.registered);
  const r = store.execute({ type: 'dispatch', caseId: id, expectedVersion: 2, node: T1 }, ACTORS.to, ctx);
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.errors[0].code, 'E_NOT_EMPOWERED');
  const ctx2 = makeCtx({ empoweredScope: 'all', catalogue: createEmpoweredCatalogue({ [T1]: ['dispute'] }) });
  assert.ok(store.execute({ type: 'dispatch', caseId: id, expectedVersion: 2, node: T1 }, ACTORS.to, ctx2).ok);
});

test('the table covers every command, both allowed and refused', () => {
  const allowed = new Set(ROWS.filter((r) => !r.expect.startsWith('E_')).map((r) => r.cmd.type));
  const refused = new Set(ROWS.filter((r) => r.expect.startsWith('E_')).map((r) => r.cmd.type));
  for (const c of ['discover', ...CASE_ACTIONS]) {
    assert.ok(allowed.has(c), `no allowed row for ${c}`);
    assert.ok(refused.has(c), `no refused row for ${c}`);
  }
});
