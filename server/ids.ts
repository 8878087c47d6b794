import { randomUUID } from 'node:crypto';

/** Random, unguessable ids: they appear in URLs and must not be enumerable. */
export function newId(): string {
  return randomUUID();
}

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
