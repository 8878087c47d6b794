import { expect } from 'vitest';
import { setPhase } from './assignments.ts';
import { signedIn } from './people.ts';
import { SELECTION, selectionWorld } from './selection-world.ts';

// The seventh collection in its notice phase with an accepted selection (A best, C excellent,
// as selection-world.ts scores them), the clock at 10:00 on 1 December 2026 in Beijing.

export const NOTICE = '/api/v1/campaigns/seventh-collection/notice';
export const PUBLIC_NOTICE = '/api/v1/public/campaigns/seventh-collection/notice';
export const PUBLISHED = new Date('2026-12-01T02:00:00Z');

/** An objection to the `n`-th case on the list, from 张𠮷 with a phone and an e-mail. */
export const objection = (n: number, extra: Record<string, unknown> = {}) => ({
  n, name: '张𠮷', organization: '某街道党工委', phone: '139 1234 5678', email: 'Zhang@Example.cn', body: '该案例所述成效数据系重复统计，与实际不符。', ...extra,
});

export async function noticeWorld() {
  const world = await selectionWorld({ best: 1, excellent: 1, categories: {}, provinceCap: null });
  const { organizer } = world;
  expect((await organizer.post(`${SELECTION}/suggestion`, {})).statusCode).toBe(200);
  expect((await organizer.post(`${SELECTION}/accept`, {})).statusCode).toBe(200);
  await setPhase(world.app, 'notice');
  world.setNow(PUBLISHED);
  // The world's sessions began in 2024; sign in again at the notice's time.
  return { ...world, organizer: await signedIn(world.app, 'organizer@example.cn') };
}
