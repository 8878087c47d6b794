import { describe, expect, it } from 'vitest';
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
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5000; i += 1) {
      const instant = new Date(Math.floor(-2e12 + random() * 6e12));
      for (const zone of ['Asia/Shanghai', 'America/Sao_Paulo', 'Pacific/Chatham']) {
        expect(wallClockAt(instant, zone), `${zone} ${instant.toISOString()}`).toEqual(intl(instant, zone));
      }
    }
  });
});
