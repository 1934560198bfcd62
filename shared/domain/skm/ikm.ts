/**
 * IKM from running totals, through the domain's own `computeIkm` — the formula lives in one place.
 *
 * The domain takes answers, not sums. NRR per unsur is sum / count, so any set of `count` answer rows
 * whose per-unsur sums equal the stored ones gives the identical NRR (the sums of integers are exact),
 * hence the identical IKM, mutu and kinerja unit. `representativeAnswers` builds such a set by spreading
 * each unsur's sum as evenly as possible (every value stays within 1–4 because count ≤ sum ≤ 4·count).
 * It costs O(count) memory and time, and one item read.
 */

import type { Policy } from '../policy';
import { computeIkm, type IkmResult, SKM_UNSUR } from './survey';

export interface SkmTotals {
  respondents: number;
  /** Sum of the answers per unsur, in SKM_UNSUR order. */
  sums: number[];
}

export function totalsOf(responses: readonly (readonly number[])[]): SkmTotals {
  return {
    respondents: responses.length,
    sums: SKM_UNSUR.map((_, u) => responses.reduce((s, r) => s + (r[u] ?? 0), 0)),
  };
}

export function representativeAnswers(t: SkmTotals): number[][] {
  const n = t.respondents;
  const rows: number[][] = Array.from({ length: n }, () => []);
  SKM_UNSUR.forEach((_, u) => {
    const sum = t.sums[u] ?? 0;
    const base = Math.floor(sum / n);
    const extra = sum - base * n;
    for (let i = 0; i < n; i++) rows[i]!.push(base + (i < extra ? 1 : 0));
  });
  return rows;
}

/** The IKM of the stored totals; throws the domain's SKM_NO_RESPONSES when there are none. */
export function ikmFromTotals(t: SkmTotals, policy?: Policy): IkmResult {
  return computeIkm(representativeAnswers(t), policy);
}
