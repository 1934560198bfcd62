/**
 * How an approved SKM comment that names an employee becomes citizen evidence for that employee's
 * Berorientasi Pelayanan (shared/domain/behaviour.ts, `CitizenEvidence`).
 *
 * The regulations are silent here: PermenPAN-RB 14/2017 measures a unit, not a person, and
 * PermenPAN-RB 6/2022 only says citizens' feedback informs the behaviour rating. The choices, as a
 * versioned policy (the domain's Policy has no field for it; this one is stored with each evidence read):
 * - only the elements about the staff themselves count: unsur 6 Kompetensi pelaksana and unsur 7
 *   Perilaku pelaksana; requirements, fees, facilities and the like are not the employee's doing;
 * - their mean is mapped to the nearest answer: ≥ 3.5 (rounds to 4, "sangat baik") → Di Atas Ekspektasi,
 *   ≥ 2.5 (rounds to 3, "baik") → Sesuai Ekspektasi, below (rounds to 1–2, "kurang/tidak baik") → Di Bawah.
 * The comment's wording does not change the rating: HR approves or rejects the comment as a whole.
 */
import type { Rating } from '../ratings';

export interface CitizenEvidencePolicy {
  id: string;
  /** Unsur numbers (1-based, as in SKM_UNSUR) whose answers are averaged. */
  unsur: readonly number[];
  aboveMeanAtLeast: number;
  meetsMeanAtLeast: number;
}

export const CITIZEN_EVIDENCE_POLICY: CitizenEvidencePolicy = {
  id: 'skm-citizen-evidence/v1',
  unsur: [6, 7],
  aboveMeanAtLeast: 3.5,
  meetsMeanAtLeast: 2.5,
};

/** The rating an approved comment's answers give its named employee (answers in SKM_UNSUR order; blanks are skipped, none at all → Sesuai). */
export function citizenRating(answers: readonly (number | null)[], policy: CitizenEvidencePolicy = CITIZEN_EVIDENCE_POLICY): Rating {
  const picked = policy.unsur.map((no) => answers[no - 1]).filter((a): a is number => typeof a === 'number');
  if (picked.length === 0) return 'SESUAI';
  const mean = picked.reduce((s, a) => s + a, 0) / picked.length;
  if (mean >= policy.aboveMeanAtLeast) return 'DI_ATAS';
  if (mean >= policy.meetsMeanAtLeast) return 'SESUAI';
  return 'DI_BAWAH';
}
