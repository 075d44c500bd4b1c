// A small event log in the store's line format, with the quirks a real log may have.

/** A small case log in core's line format, with the quirks a real log may have. */
export function sampleLog(): string[] {
  const lines: string[] = [];
  for (let c = 1; c <= 12; c++) {
    const base = { actor: `u-${c}`, role: 'grid-worker', roleNode: '350302001001' };
    lines.push(JSON.stringify({ caseId: `c-${c}`, version: 1, type: 'discovered', at: 1_741_570_200_000 + c, ...base, data: { node: '350302001001000', source: 'patrol', description: `楼道堆物 ${c}\t"quoted" \\ back` } }));
  }
  for (let c = 1; c <= 12; c++) {
    lines.push(JSON.stringify({ caseId: `c-${c}`, version: 2, type: 'registered', at: 1_741_570_300_000 + c, actor: 'u-0', role: 'center', roleNode: '3503', data: { category: '01', urgency: 'normal', description: '立案', dispatchDueAt: 1_741_580_000_000 }, hash: `h${c}` }));
  }
  // Not canonical: spaces, key order, a hash before data, a float time — kept verbatim.
  lines.push('{"caseId":"c-1", "version":3,"type":"accepted","at":1741570400000,"actor":"u-1","role":"r","roleNode":"n","data":{ "note" : "ok" }}');
  lines.push('{"version":4,"caseId":"c-1","type":"closed","at":1741570400000.5,"actor":"u-1","role":"r","roleNode":"n","hash":"abc","data":{}}');
  lines.push(JSON.stringify({ stream: 'list-l-1', streamType: 'list', version: 1, type: 'created', schemaVersion: 2, at: 5, meta: { actor: 'u-9', commandId: 'k1' }, data: { name: '重点人员' } }));
  return lines;
}
