import { describe, expect, it } from 'vitest';
import { readDemoAccounts } from './demo-accounts.ts';

const pageWith = (text: string | null) => ({
  getElementById: (id: string) => (id === 'zhengji-demo-accounts' && text !== null ? ({ textContent: text } as HTMLElement) : null),
});

describe('readDemoAccounts', () => {
  it('reads the accounts the demo page carries', () => {
    const accounts = [{ role: 'organizer', email: 'organizer@demo.example.cn', password: 'Yanshi-Zhengji-2026!' }];
    expect(readDemoAccounts(pageWith(JSON.stringify(accounts)))).toEqual(accounts);
  });

  it('finds none on a page without the block, or with anything but a list of accounts in it', () => {
    for (const text of [null, '', 'not json', '{"role":"organizer"}', '[{"role":"admin","email":"a@b.cn","password":"x"}]', '[{"role":"unit","email":1,"password":"x"}]']) {
      expect(readDemoAccounts(pageWith(text))).toEqual([]);
    }
  });
});
