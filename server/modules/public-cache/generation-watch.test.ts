import { describe, expect, it } from 'vitest';
import { GenerationWatch } from './generation-watch.ts';

/** A read the test answers by hand, to order reads and callers exactly. */
function manualReads() {
  const sent: ((n: number) => void)[] = [];
  const read = () => new Promise<number>((resolve) => sent.push(resolve));
  return { sent, read };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the generation watch', () => {
  it('lets callers that arrive while no read is on its way share one read', async () => {
    const { sent, read } = manualReads();
    const watch = new GenerationWatch(read, () => undefined);
    const first = watch.current();
    expect(sent.length).toBe(1);
    sent[0]!(7);
    expect(await first).toBe(7);
    expect(watch.known).toBe(7);
  });

  it('never hands a caller a read sent before it asked: it waits for the next, which all later callers share', async () => {
    const { sent, read } = manualReads();
    const changes: number[] = [];
    const watch = new GenerationWatch(read, (n) => changes.push(n));
    const early = watch.current();
    // Sent before these callers arrived: a commit they know of may have come after it.
    const late = [watch.current(), watch.current(), watch.current()];
    expect(sent.length).toBe(1);
    sent[0]!(1);
    expect(await early).toBe(1);
    await tick();
    expect(sent.length).toBe(2);
    sent[1]!(2);
    expect(await Promise.all(late)).toEqual([2, 2, 2]);
    expect(changes).toEqual([1, 2]);
  });

  it('tells of a change before any caller hears the number, and goes on after a failed read', async () => {
    const order: string[] = [];
    let n = 0;
    const watch = new GenerationWatch(async () => {
      n += 1;
      if (n === 2) throw new Error('database gone');
      return n;
    }, (g) => order.push(`changed to ${g}`));
    order.push(`heard ${await watch.current()}`);
    await expect(watch.current()).rejects.toThrow('database gone');
    order.push(`heard ${await watch.current()}`);
    expect(order).toEqual(['changed to 1', 'heard 1', 'changed to 3', 'heard 3']);
  });
});
