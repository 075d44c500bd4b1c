import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { writeCsv, unescapeCsvCell } from '@jiceng/core/io';
import { csvTextField } from '@jiceng/ui';

// The elements' downloads (the dashboard's figures) write text cells as the core's CSV writer
// does, so a table exported from a page and one exported by the CLI read back alike.
describe('a CSV text field, as the core writes it', () => {
  const core = (s: string) => writeCsv(['h'], [[s]]).slice('h\r\n'.length, -2);
  const tricky = ['', 'a', '生态环保', '=SUM(A1)', "'=x", "''+1", '-5', '@who', '\tx', ' lead', 'trail ', 'a,b', 'say "hi"', 'two\nlines', 'cr\rx', '\ufeffbom', "'tis"];

  it('equals the core\'s writer on tricky text and on arbitrary text', () => {
    for (const s of tricky) expect(csvTextField(s), JSON.stringify(s)).to.equal(core(s));
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '字', '=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', "'", '\ufeff') }), (s) => {
      expect(csvTextField(s)).to.equal(core(s));
    }), { numRuns: 500 });
  });

  it('escapes formulas reversibly: the core\'s importers read back the text', () => {
    for (const s of ['=1+1', "'=1+1", "''@x"]) {
      const f = csvTextField(s);
      const cell = f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f;
      expect(unescapeCsvCell(cell)).to.equal(s);
    }
  });

  it('refuses what is not text with a coded error', () => {
    expect(() => csvTextField(3 as unknown as string)).to.throw(/E_ARGUMENT/);
  });
});
