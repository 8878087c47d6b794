import { describe, expect, it } from 'vitest';
import { effectiveDeadline } from './deadline.ts';

const CLOSE = '2024-06-30T15:59:59.999Z';

describe('effectiveDeadline', () => {
  it('is the campaign close without extensions', () => {
    expect(effectiveDeadline(CLOSE, [], 'u1')).toBe(CLOSE);
  });

  it('takes the latest of an extension for all and one for this unit', () => {
    const extensions = [
      { organizationId: null, closesAt: '2024-07-02T15:59:59.000Z' },
      { organizationId: 'u1', closesAt: '2024-07-05T15:59:59.000Z' },
      { organizationId: 'u2', closesAt: '2024-07-09T15:59:59.000Z' },
    ];
    expect(effectiveDeadline(CLOSE, extensions, 'u1')).toBe('2024-07-05T15:59:59.000Z');
    expect(effectiveDeadline(CLOSE, extensions, 'u3')).toBe('2024-07-02T15:59:59.000Z');
  });

  it('never shortens the campaign deadline', () => {
    expect(effectiveDeadline(CLOSE, [{ organizationId: null, closesAt: '2024-06-01T00:00:00.000Z' }], 'u1')).toBe(CLOSE);
  });
});
