// readLines over pieces that cut lines and UTF-8 characters anywhere: the same lines, line
// numbers and invalid-UTF-8 reports as reading the file whole, line by line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryIo, readLines, type CliIo } from '@jiceng/cli';

const enc = new TextEncoder();
const bad = Uint8Array.of(0x7b, 0x80, 0x7d); // `{`, a lone continuation byte, `}`
const parts: Uint8Array[] = [
  Uint8Array.of(0xef, 0xbb, 0xbf), enc.encode('第一行 网格员\r\n\n'), bad, enc.encode('\n'),
  enc.encode(`${'长'.repeat(3000)}\r\n`), enc.encode('a\r\n'), bad, enc.encode('\nB 末行（无换行）'),
];
const file = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
parts.reduce((at, p) => (file.set(p, at), at + p.length), 0);

/** The reference: split the bytes at every `\n`, decode each line strictly on its own. */
function reference(bytes: Uint8Array): { lines: string[]; bad: number[] } {
  const body = bytes.subarray(3); // the byte-order mark
  const lines: string[] = [];
  const badLines: number[] = [];
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let start = 0;
  while (start < body.length) {
    let end = body.indexOf(10, start);
    if (end < 0) end = body.length;
    try {
      lines.push(strict.decode(body.subarray(start, end)).replace(/\r$/, ''));
    } catch {
      badLines.push(lines.length + 1);
      lines.push('');
    }
    start = end + 1;
  }
  return { lines, bad: badLines };
}

/** An I/O serving the file in pieces of `size` bytes. */
function piecesIo(size: number): CliIo {
  const io = memoryIo({});
  io.kind = async () => 'file';
  io.readFile = async () => file;
  io.readChunks = async function* () {
    for (let i = 0; i < file.length; i += size) yield file.slice(i, i + size);
  };
  return io;
}

test('readLines gives the same lines and invalid-UTF-8 line numbers whatever the piece size', async () => {
  const want = reference(file);
  assert.equal(want.lines.length, 7);
  assert.deepEqual(want.bad, [3, 6]);
  for (const size of [1, 2, 3, 5, 7, 64, 4096, file.length]) {
    const got: string[] = [];
    const badLines: number[] = [];
    for await (const line of readLines(piecesIo(size), 'log.jsonl', { onInvalidUtf8: (n) => badLines.push(n) })) got.push(line);
    assert.deepEqual(got, want.lines, `pieces of ${size} bytes`);
    assert.deepEqual(badLines, want.bad, `pieces of ${size} bytes`);
  }
});
