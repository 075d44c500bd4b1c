// Case facts as one binary file: a JSON header (row count, extra metadata and each
// column's type and byte range) followed by the typed columns, 8-byte aligned. Used by the
// demo's data script (Node) and by the page (browser) alike.
const TYPES = { Int32Array, Uint16Array, Uint8Array, Int8Array, Float64Array };

/** Encodes the typed columns of `facts` (rows 0..length-1) with `meta` into bytes. */
export function encodeFacts(facts, meta = {}) {
  const columns = [];
  let offset = 0;
  for (const [name, col] of Object.entries(facts)) {
    if (!ArrayBuffer.isView(col)) continue;
    const bytes = facts.length * col.BYTES_PER_ELEMENT;
    columns.push({ name, type: col.constructor.name, offset, bytes });
    offset += Math.ceil(bytes / 8) * 8;
  }
  const header = new TextEncoder().encode(JSON.stringify({ format: 'jiceng.facts', version: 1, length: facts.length, meta, columns }));
  const start = Math.ceil((4 + header.length) / 8) * 8;
  const out = new Uint8Array(start + offset);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  for (const c of columns) {
    const col = facts[c.name];
    out.set(new Uint8Array(col.buffer, col.byteOffset, c.bytes), start + c.offset);
  }
  return out;
}

/** Decodes bytes from {@link encodeFacts}: `{ meta, facts }` with columns as typed-array views. */
export function decodeFacts(buffer) {
  const len = new DataView(buffer).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, len)));
  if (header.format !== 'jiceng.facts' || header.version !== 1) throw new Error('not a jiceng.facts v1 file');
  const start = Math.ceil((4 + len) / 8) * 8;
  const facts = { length: header.length, caseIds: [] };
  for (const c of header.columns) {
    const T = TYPES[c.type];
    facts[c.name] = new T(buffer, start + c.offset, c.bytes / T.BYTES_PER_ELEMENT);
  }
  return { meta: header.meta, facts };
}
