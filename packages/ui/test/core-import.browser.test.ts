import { expect } from '@open-wc/testing';
import { type HierarchyConfig } from '@jiceng/core';
import { importCsv } from '@jiceng/core/io';

// The whole core loads in a browser page, its CSV importer included (papaparse is CommonJS),
// so a portal can check a district office's file before sending it anywhere.
const lvl = (id: string, length: number, significant: number) => ({ id, name: { zh: id, en: id }, duties: [], code: { length, significant } });
const config: HierarchyConfig = { id: 'three', levels: [lvl('city', 12, 4), lvl('county', 12, 6), lvl('town', 12, 9)] };

describe('@jiceng/core in the browser', () => {
  it('imports a CSV and names the wrong row', () => {
    const good = importCsv({ 'nodes.csv': 'code,parent,level,name\n350300000000,,city,莆田市\n350302000000,350300000000,county,城厢区\n' }, { config });
    expect(good.ok).to.equal(true);
    const bad = importCsv({ 'nodes.csv': 'code,parent,level,name\n350300000000,,city,莆田市\n350302000000,350399000000,county,城厢区\n' }, { config });
    expect(bad.ok).to.equal(false);
    if (!bad.ok) expect(bad.errors[0].row).to.equal(3);
  });
});
