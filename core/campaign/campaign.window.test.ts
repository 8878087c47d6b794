import { describe, expect, it } from 'vitest';
import { campaignWindow, formatWindowInstant, remainingUntil, windowPhase } from './campaign.window.ts';

const window = campaignWindow({
  window: {
    opensAt: '2024-01-15T00:00:00',
    closesAt: '2024-06-30T23:59:59',
    timeZone: 'Asia/Shanghai',
    timeZoneLabel: { 'zh-CN': '北京时间', en: 'Beijing time' },
  },
});

describe('windowPhase', () => {
  it('opens at midnight Beijing time and takes the whole last second', () => {
    expect(windowPhase(window, new Date('2024-01-14T15:59:59.999Z'))).toBe('upcoming');
    expect(windowPhase(window, new Date('2024-01-14T16:00:00.000Z'))).toBe('open');
    expect(windowPhase(window, new Date('2024-06-30T15:59:59.999Z'))).toBe('open');
    expect(windowPhase(window, new Date('2024-06-30T16:00:00.000Z'))).toBe('closed');
  });
});

describe('remainingUntil', () => {
  it('counts whole units and stops at zero', () => {
    expect(remainingUntil(window.closesAt, new Date('2024-06-28T13:58:58.000Z'))).toEqual({
      days: 2, hours: 2, minutes: 1, seconds: 1,
    });
    expect(remainingUntil(window.closesAt, new Date('2025-01-01T00:00:00Z'))).toEqual({
      days: 0, hours: 0, minutes: 0, seconds: 0,
    });
  });
});

describe('formatWindowInstant', () => {
  it('shows the deadline as the notice states it', () => {
    expect(formatWindowInstant(window.closesAt, window.timeZone)).toBe('2024-06-30 23:59:59');
    expect(formatWindowInstant(window.opensAt, window.timeZone)).toBe('2024-01-15 00:00:00');
  });
});
