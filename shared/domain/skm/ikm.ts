/**
 * IKM from running totals, through the domain's own `computeIkm` — the formula lives in one place.
 *
 * The domain takes answers, not sums. NRR per unsur is sum / count, so any set of `count` answer rows
 * whose per-unsur sums equal the stored ones gives the identical NRR (the sums of integers are exact),
 * hence the identical IKM, mutu and kinerja unit. `representativeAnswers` builds such a set by spreading
 * each unsur's sum as evenly as possible (every value stays within 1–4 because count ≤ sum ≤ 4·count).
 * It costs O(count) memory and time, and one item read.
 *
 * Blank answers: `counts[u]` is how many respondents answered unsur u (absent = every respondent, so
 * totals stored before blanks were allowed read unchanged). The representative set spreads the sum
 * over that many rows and leaves the other rows blank for that unsur — the same NRR again.
 */

import type { Policy } from '../policy';
import { computeIkm, type IkmResult, SKM_UNSUR, type SkmAnswer } from './survey';

export interface SkmTotals {
  respondents: number;
  /** Sum of the answers per unsur, in SKM_UNSUR order. */
  sums: number[];
  /** How many respondents answered each unsur, in SKM_UNSUR order; absent = all of them. */
  counts?: number[];
}

export function totalsOf(responses: readonly (readonly SkmAnswer[])[]): SkmTotals {
  return {
    respondents: responses.length,
    sums: SKM_UNSUR.map((_, u) => responses.reduce((s, r) => s + (r[u] ?? 0), 0)),
    counts: SKM_UNSUR.map((_, u) => responses.reduce((n, r) => n + (r[u] == null ? 0 : 1), 0)),
  };
}

export function representativeAnswers(t: SkmTotals): SkmAnswer[][] {
  const n = t.respondents;
  const rows: SkmAnswer[][] = Array.from({ length: n }, () => []);
  SKM_UNSUR.forEach((_, u) => {
    const sum = t.sums[u] ?? 0;
    const count = t.counts?.[u] ?? n;
    const base = count > 0 ? Math.floor(sum / count) : 0;
    const extra = sum - base * count;
    for (let i = 0; i < n; i++) rows[i]!.push(i < count ? base + (i < extra ? 1 : 0) : null);
  });
  // A row left blank everywhere (possible only when the blanks fall on the same rows) is not a form
  // anyone sent; the NRR does not depend on which rows carry the answers, so drop it.
  return rows.filter((r) => r.some((a) => a !== null));
}

/** The IKM of the stored totals; throws the domain's SKM_NO_RESPONSES when there are none. */
export function ikmFromTotals(t: SkmTotals, policy?: Policy): IkmResult {
  if (t.respondents <= 0) return computeIkm([], policy);
  return { ...computeIkm(representativeAnswers(t), policy), respondents: t.respondents };
}
