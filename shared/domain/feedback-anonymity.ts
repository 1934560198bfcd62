/**
 * 360° anonymity: what the employee (and their rater, their approver) may see of the behaviour feedback
 * colleagues and subordinates gave. Peers' and subordinates' feedback is shown aggregated per BerAKHLAK
 * value — how many voices gave Di Atas, Sesuai, Di Bawah — never by author, never split into "peer" and
 * "subordinate", and only for a value at least MIN_VOICES_360 voices rated; below that the value says
 * "belum cukup masukan" and shows nothing. The rater's own feedback stays named (the rater signs the
 * rating). HR's view and the audit keep the authors.
 *
 * Source: PermenPAN-RB 6/2022 asks for feedback from peers and subordinates on the behaviour rating but
 * says nothing of its disclosure; the threshold of three voices is the usual anonymity floor of multi-rater
 * (360°) instruments — with one or two voices the employee can tell who spoke. A policy value: change it
 * here, and the README says which.
 */

import type { BehaviourFeedback } from './behaviour';
import { BERAKHLAK, type BerakhlakValue } from './berakhlak';
import type { Rating } from './ratings';

/** Fewest peer/subordinate voices on a value before its aggregate is shown. */
export const MIN_VOICES_360 = 3;

export const NOT_ENOUGH_FEEDBACK = { id: 'Belum cukup masukan', en: 'Not enough feedback yet' } as const;

export type Aggregate360 =
  | { value: BerakhlakValue; enough: true; voices: number; counts: Record<Rating, number>; comments: string[] }
  | { value: BerakhlakValue; enough: false; note: string; note_en: string };

export interface Feedback360View {
  minimumVoices: number;
  /** The rater's own feedback, named (fromNip is the rater). */
  rater: BehaviourFeedback[];
  /** Peers and subordinates together, one entry per BerAKHLAK value. */
  colleagues: Aggregate360[];
}

/** Aggregates the feedback stored by author (EvaluationRecord.feedback) for a reader who is not HR. */
export function anonymised360(byAuthor: Readonly<Record<string, readonly BehaviourFeedback[]>> | undefined, minVoices = MIN_VOICES_360): Feedback360View {
  const authors = Object.values(byAuthor ?? {});
  const rater = authors.flat().filter((f) => f.source === 'rater');
  const colleagues = BERAKHLAK.map(({ value }): Aggregate360 => {
    // One voice per author and value (an author's last entry for the value counts).
    const on = authors.flatMap((entries) => entries.filter((f) => f.source !== 'rater' && f.value === value).slice(-1));
    if (on.length < minVoices) return { value, enough: false, note: NOT_ENOUGH_FEEDBACK.id, note_en: NOT_ENOUGH_FEEDBACK.en };
    const counts: Record<Rating, number> = { DI_ATAS: 0, SESUAI: 0, DI_BAWAH: 0 };
    for (const f of on) counts[f.rating] += 1;
    // Comments without their order of submission (sorted), so they cannot be matched to authors by time.
    const comments = on
      .map((f) => f.comment?.trim() ?? '')
      .filter(Boolean)
      .sort();
    return { value, enough: true, voices: on.length, counts, comments };
  });
  return { minimumVoices: minVoices, rater: rater.map((f) => ({ ...f })), colleagues };
}
