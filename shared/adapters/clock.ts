/** Injectable time and ids, so a cycle replays identically in tests. */
import { randomUUID } from 'node:crypto';

export interface Clock { now(): Date }
export interface IdSource { next(prefix?: string): string }

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: IdSource = { next: (prefix = '') => `${prefix}${randomUUID()}` };

export function fixedClock(iso: string): Clock & { advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), advance: (ms) => { t += ms; } };
}
export function sequentialIds(seed = 'id'): IdSource {
  let n = 0;
  return { next: (prefix = '') => `${prefix}${seed}-${String(++n).padStart(6, '0')}` };
}
