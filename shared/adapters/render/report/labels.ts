/**
 * Words the HR report and the CSV export need that the shared catalogues do not have yet: evaluation
 * statuses, objection outcomes, cycle statuses. Bilingual, like every label of the domain.
 */
import type { EvaluationStatus } from '../../../domain/lifecycle/status';
import type { Bilingual } from '../../../domain/text';

import type { Locale } from '../i18n/types';

/** Kept so existing imports resolve: the one Locale is in ../i18n/types.ts. */
export type ReportLocale = Locale;

export const evaluationStatusLabel: Record<EvaluationStatus, Bilingual> = {
  SKP_DRAFT: { id: 'SKP disusun', en: 'SKP draft' },
  SKP_SUBMITTED: { id: 'SKP diajukan', en: 'SKP submitted' },
  SKP_RETURNED: { id: 'SKP dikembalikan', en: 'SKP returned' },
  SKP_APPROVED: { id: 'SKP disetujui', en: 'SKP approved' },
  MONITORING: { id: 'Pemantauan', en: 'Monitoring' },
  MIDYEAR_REVIEWED: { id: 'Evaluasi tengah tahun selesai', en: 'Mid-year reviewed' },
  AWAITING_RATING: { id: 'Menunggu penilaian', en: 'Awaiting rating' },
  RATED: { id: 'Sudah dinilai', en: 'Rated' },
  AWAITING_APPROVAL: { id: 'Menunggu persetujuan', en: 'Awaiting approval' },
  RETURNED_TO_RATER: { id: 'Dikembalikan ke pejabat penilai', en: 'Returned to the rater' },
  APPROVED: { id: 'Disetujui', en: 'Approved' },
  RESULT_ISSUED: { id: 'Hasil ditetapkan', en: 'Result issued' },
  OBJECTED: { id: 'Keberatan diajukan', en: 'Objection filed' },
  OBJECTION_DECIDED: { id: 'Keberatan diputus', en: 'Objection decided' },
  FINAL: { id: 'Final', en: 'Final' },
  WITHDRAWN: { id: 'Ditarik', en: 'Withdrawn' },
};

/** A status label; an unknown status (a newer writer) shows as its code rather than failing. */
export function statusText(status: string, locale: ReportLocale): string {
  return (evaluationStatusLabel as Record<string, Bilingual | undefined>)[status]?.[locale] ?? status;
}

export const cycleStatusLabel: Record<string, Bilingual> = {
  ACTIVE: { id: 'Berjalan', en: 'In progress' },
  COMPLETED: { id: 'Selesai', en: 'Completed' },
  FAILED: { id: 'Gagal — perlu tindakan', en: 'Failed — needs attention' },
};

export const objectionDecisionLabel: Record<'FILED' | 'GRANTED' | 'REJECTED', Bilingual> = {
  FILED: { id: 'Diajukan, belum diputus', en: 'Filed, not yet decided' },
  GRANTED: { id: 'Dikabulkan', en: 'Granted' },
  REJECTED: { id: 'Ditolak', en: 'Rejected' },
};

/** Whole numbers and decimals the way each language writes them (88,93 / 88.93): the one formatter. */
export { formatNumber } from '../i18n/format';
