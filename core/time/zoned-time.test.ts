import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/seeded.ts';
import {
  formatInZone,
  isValidTimeZone,
  parseLocalDateTime,
  wallClockAt,
  zonedLocalToUtc,
} from './zoned-time.ts';

describe('zonedLocalToUtc', () => {
  it('reads Beijing time as UTC+8', () => {
    expect(zonedLocalToUtc('2024-06-30T23:59:59', 'Asia/Shanghai').toISOString()).toBe(
      '2024-06-30T15:59:59.000Z',
    );
    expect(zonedLocalToUtc('2024-01-15T00:00:00', 'Asia/Shanghai').toISOString()).toBe(
      '2024-01-14T16:00:00.000Z',
    );
  });

  it('follows daylight saving time in zones that have it', () => {
    expect(zonedLocalToUtc('2024-07-01T12:00:00', 'Europe/Berlin').toISOString()).toBe(
      '2024-07-01T10:00:00.000Z',
    );
    expect(zonedLocalToUtc('2024-01-01T12:00:00', 'Europe/Berlin').toISOString()).toBe(
      '2024-01-01T11:00:00.000Z',
    );
    // 02:30 does not exist on 2024-03-31 in Berlin; it resolves after the jump.
    expect(zonedLocalToUtc('2024-03-31T02:30:00', 'Europe/Berlin').toISOString()).toBe(
      '2024-03-31T01:30:00.000Z',
    );
  });

  // Temporal's 'compatible' disambiguation: a skipped time moves forward by the jump, a repeated
  // time is its earlier instant, on either side of UTC.
  it.each([
    ['a gap west of UTC', '2026-03-08T02:30:00', 'America/New_York', '2026-03-08T07:30:00.000Z', '2026-03-08 03:30:00'],
    ['a gap east of UTC', '2026-03-29T02:30:00', 'Europe/Berlin', '2026-03-29T01:30:00.000Z', '2026-03-29 03:30:00'],
    ['an overlap west of UTC', '2026-11-01T01:30:00', 'America/New_York', '2026-11-01T05:30:00.000Z', '2026-11-01 01:30:00'],
    ['an overlap east of UTC', '2026-10-25T02:30:00', 'Europe/Berlin', '2026-10-25T00:30:00.000Z', '2026-10-25 02:30:00'],
    ['a half-hour gap', '2026-10-04T02:15:00', 'Australia/Lord_Howe', '2026-10-03T15:45:00.000Z', '2026-10-04 02:45:00'],
  ])('resolves %s as Temporal does', (_case, local, zone, utc, readBack) => {
    const instant = zonedLocalToUtc(local, zone);
    expect(instant.toISOString()).toBe(utc);
    expect(formatInZone(instant, zone)).toBe(readBack);
  });

  it('keeps the hours just around a jump on their own side', () => {
    expect(zonedLocalToUtc('2026-03-08T01:59:59', 'America/New_York').toISOString()).toBe(
      '2026-03-08T06:59:59.000Z',
    );
    expect(zonedLocalToUtc('2026-03-08T03:00:00', 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    expect(zonedLocalToUtc('2026-11-01T02:00:00', 'America/New_York').toISOString()).toBe(
      '2026-11-01T07:00:00.000Z',
    );
  });

  it('rejects text that is not a local date-time', () => {
    expect(() => zonedLocalToUtc('2024-06-31T00:00:00', 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => zonedLocalToUtc('2024-06-30 23:59', 'Asia/Shanghai')).toThrow(RangeError);
  });
});

describe('formatInZone', () => {
  it('shows an instant on a Beijing clock whatever the machine zone', () => {
    expect(formatInZone(new Date('2024-06-30T15:59:59.000Z'), 'Asia/Shanghai')).toBe(
      '2024-06-30 23:59:59',
    );
    expect(formatInZone(new Date('2024-06-30T15:59:59.000Z'), 'America/New_York')).toBe(
      '2024-06-30 11:59:59',
    );
  });
});

describe('parseLocalDateTime and isValidTimeZone', () => {
  it('accepts real dates and zones only', () => {
    expect(parseLocalDateTime('2024-02-29T08:00:00')).toEqual({
      year: 2024, month: 2, day: 29, hour: 8, minute: 0, second: 0,
    });
    expect(parseLocalDateTime('2023-02-29T08:00:00')).toBeNull();
    expect(parseLocalDateTime('2024-02-01T24:00:00')).toBeNull();
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('wallClockAt', () => {
  /** What Intl itself reads, every time. */
  const intl = (instant: Date, timeZone: string) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(instant);
    const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
    return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
  };

  it('reads what Intl reads, second by second across offset changes', () => {
    const changes: [string, string][] = [
      ['Europe/Berlin', '2024-03-31T01:00:00Z'],
      ['America/New_York', '2024-11-03T06:00:00Z'],
      ['Australia/Lord_Howe', '2024-04-06T15:00:00Z'], // a half-hour change
      ['Asia/Kathmandu', '1985-12-31T18:30:00Z'], // +5:30 to +5:45
      ['Asia/Shanghai', '1900-12-31T15:54:17Z'], // local mean time, offset in seconds
    ];
    for (const [zone, at] of changes) {
      const change = Date.parse(at);
      for (let ms = change - 150_000; ms <= change + 150_000; ms += 1_000) {
        for (const instant of [new Date(ms), new Date(ms + 999)]) {
          expect(wallClockAt(instant, zone), `${zone} ${instant.toISOString()}`).toEqual(intl(instant, zone));
        }
      }
    }
  });

  it('reads what Intl reads at 5,000 random instants in three zones', () => {
    const random = seededRandom(11).next;
    for (let i = 0; i < 5000; i += 1) {
      const instant = new Date(Math.floor(-2e12 + random() * 6e12));
      for (const zone of ['Asia/Shanghai', 'America/Sao_Paulo', 'Pacific/Chatham']) {
        expect(wallClockAt(instant, zone), `${zone} ${instant.toISOString()}`).toEqual(intl(instant, zone));
      }
    }
  });
});
