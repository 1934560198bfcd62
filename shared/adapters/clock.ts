/** Injectable time and ids, so a cycle replays identically in tests. */
import type { Clock, IdSource } from '../application/ports';

export type { Clock, IdSource };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
  };
}
export function sequentialIds(seed = 'id'): IdSource {
  let n = 0;
  return { next: (prefix = '') => `${prefix}${seed}-${String(++n).padStart(6, '0')}` };
}
