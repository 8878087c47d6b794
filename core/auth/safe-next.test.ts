import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

describe('safeNext', () => {
  it('keeps workbench paths with their query', () => {
    expect(safeNext('/app/cases?new=seventh-collection')).toBe('/app/cases?new=seventh-collection');
    expect(safeNext('/app')).toBe('/app');
  });

  it('drops other origins and anything that is not a workbench path', () => {
    for (const next of ['https://evil.example', '//evil.example', '/\\evil.example', '/app@evil.example', 'javascript:alert(1)', '/apple', '/campaigns/x', '', null, undefined]) {
      expect([next, safeNext(next)]).toEqual([next, null]);
    }
  });
});
