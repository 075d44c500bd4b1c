import { expect } from '@open-wc/testing';
import { CHINA_UTC_OFFSET_MS } from '@jiceng/core/calendar';
import { CHINA_OFFSET_MS, chinaLocalTime, fromChinaLocalTime } from '@jiceng/ui';

// The elements show times on China's wall clock whatever the browser's time zone, and read a
// datetime-local field back as China's time: the same clock as the core's, without loading it.
describe('China wall-clock time in the elements', () => {
  it('is the core\'s offset', () => {
    expect(CHINA_OFFSET_MS).to.equal(CHINA_UTC_OFFSET_MS);
  });

  it('shows an instant as China\'s wall clock, across midnight and the year', () => {
    expect(chinaLocalTime(Date.parse('2025-03-03T09:00:00+08:00'))).to.equal('2025-03-03T09:00');
    expect(chinaLocalTime(Date.parse('2025-12-31T16:30:00Z'))).to.equal('2026-01-01T00:30');
  });

  it('reads a datetime-local value back as China\'s time, seconds optional; nothing for anything else', () => {
    expect(fromChinaLocalTime('2025-03-03T09:00')).to.equal(Date.parse('2025-03-03T09:00:00+08:00'));
    expect(fromChinaLocalTime('2025-03-03T09:00:30')).to.equal(Date.parse('2025-03-03T09:00:30+08:00'));
    for (const t of [0, 1_700_000_123_000, Date.parse('2016-02-29T23:59:00+08:00')]) {
      const minute = t - (t % 60_000);
      expect(fromChinaLocalTime(chinaLocalTime(t))).to.equal(minute);
    }
    for (const bad of ['', '2025-03-03', '2025-03-03 09:00', '2025-13-45T09:00', 'tomorrow']) expect(fromChinaLocalTime(bad)).to.equal(undefined);
  });

  it('refuses what is not a time with a coded error in both languages', () => {
    for (const bad of [NaN, Infinity, '2025' as unknown as number, 9e15]) {
      try {
        chinaLocalTime(bad);
        expect.fail(`accepted ${String(bad)}`);
      } catch (e) {
        expect((e as { issue?: { code: string; zh: string; en: string } }).issue?.code).to.equal('E_ARGUMENT');
      }
    }
    expect(() => fromChinaLocalTime(3 as unknown as string)).to.throw(/E_ARGUMENT/);
  });
});
