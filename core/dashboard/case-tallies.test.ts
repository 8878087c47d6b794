import { describe, expect, it } from 'vitest';
import { provinceOf, tallyByCategory, tallyByProvince, type CaseGroup } from './case-tallies.ts';

const groups: CaseGroup[] = [
  { category: 'urban', province: '11', status: 'submitted', screening: 'passed', count: 4 },
  { category: 'urban', province: '44', status: 'submitted', screening: 'pending', count: 2 },
  { category: 'urban', province: '44', status: 'returned', screening: 'pending', count: 1 },
  { category: 'rural', province: '44', status: 'submitted', screening: 'rejected', count: 3 },
  { category: '', province: '65', status: 'submitted', screening: 'pending', count: 1 },
];

describe('case tallies', () => {
  it('gives every category of the campaign in its order with its screening outcomes, and an unknown one after', () => {
    expect(tallyByCategory(['rural', 'urban', 'party'], groups)).toEqual([
      { category: 'rural', cases: 3, outcomes: { pending: 0, passed: 0, rejected: 3, returned: 0 } },
      { category: 'urban', cases: 7, outcomes: { pending: 2, passed: 4, rejected: 0, returned: 1 } },
      { category: 'party', cases: 0, outcomes: { pending: 0, passed: 0, rejected: 0, returned: 0 } },
      { category: '', cases: 1, outcomes: { pending: 1, passed: 0, rejected: 0, returned: 0 } },
    ]);
  });

  it('counts cases per province, most first', () => {
    expect(tallyByProvince(groups)).toEqual([
      { province: '440000', cases: 6 }, { province: '110000', cases: 4 }, { province: '650000', cases: 1 },
    ]);
  });

  it('reads the province from the first two digits of a six-digit division code', () => {
    expect([provinceOf('110105'), provinceOf('440305'), provinceOf('4403'), provinceOf('')]).toEqual(['110000', '440000', null, null]);
  });
});
