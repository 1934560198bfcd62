/**
 * The rating scales of PermenPAN-RB 6/2022 and SE MenPAN-RB 3/2023. Enum options are listed from
 * the lowest to the highest, so `*.options` is also the order "improves" refers to.
 */
import * as z from 'zod';
import type { Bilingual } from './text';

/** Rating of results (Rating Hasil Kerja) and of behaviour (Rating Perilaku Kerja): one scale of three. */
export const RatingSchema = z.enum(['DI_BAWAH', 'SESUAI', 'DI_ATAS']);
export const ResultRatingSchema = RatingSchema;
export const BehaviourRatingSchema = RatingSchema;
export type Rating = z.infer<typeof RatingSchema>;
export type ResultRating = Rating;
export type BehaviourRating = Rating;

export const ratingLabel: Record<Rating, Bilingual> = {
  DI_ATAS: { id: 'Di Atas Ekspektasi', en: 'Above expectations' },
  SESUAI: { id: 'Sesuai Ekspektasi', en: 'Meets expectations' },
  DI_BAWAH: { id: 'Di Bawah Ekspektasi', en: 'Below expectations' },
};

export const ratingRank: Record<Rating, number> = { DI_BAWAH: 0, SESUAI: 1, DI_ATAS: 2 };

/** Predikat Kinerja Pegawai, lowest first. Kurang (misconduct) ranks below Butuh Perbaikan as in the
 *  regulation's list; the matrix never moves between those two in one step (see predikat.ts). */
export const PredikatSchema = z.enum(['SANGAT_KURANG', 'KURANG', 'BUTUH_PERBAIKAN', 'BAIK', 'SANGAT_BAIK']);
export type Predikat = z.infer<typeof PredikatSchema>;

export const predikatLabel: Record<Predikat, Bilingual> = {
  SANGAT_BAIK: { id: 'Sangat Baik', en: 'Very good' },
  BAIK: { id: 'Baik', en: 'Good' },
  BUTUH_PERBAIKAN: { id: 'Butuh Perbaikan', en: 'Needs improvement' },
  KURANG: { id: 'Kurang (Misconduct)', en: 'Poor (misconduct)' },
  SANGAT_KURANG: { id: 'Sangat Kurang', en: 'Very poor' },
};

export const predikatRank: Record<Predikat, number> = {
  SANGAT_KURANG: 0,
  KURANG: 1,
  BUTUH_PERBAIKAN: 2,
  BAIK: 3,
  SANGAT_BAIK: 4,
};

/** Predikat kinerja organisasi, set by HR (SE MenPAN-RB 3/2023); it selects the distribution curve. */
export const OrgPredikatSchema = z.enum(['SANGAT_KURANG', 'KURANG', 'BUTUH_PERBAIKAN', 'BAIK', 'ISTIMEWA']);
export type OrgPredikat = z.infer<typeof OrgPredikatSchema>;

export const orgPredikatLabel: Record<OrgPredikat, Bilingual> = {
  ISTIMEWA: { id: 'Istimewa', en: 'Outstanding' },
  BAIK: { id: 'Baik', en: 'Good' },
  BUTUH_PERBAIKAN: { id: 'Butuh Perbaikan', en: 'Needs improvement' },
  KURANG: { id: 'Kurang', en: 'Poor' },
  SANGAT_KURANG: { id: 'Sangat Kurang', en: 'Very poor' },
};

/** Median on the expectation scale. With an even count whose two middle ratings differ, the answer is
 *  Sesuai Ekspektasi: voices that split do not move a rating away from the expectation. The median
 *  equals the majority whenever one exists, and unlike a plurality vote it never falls when one voice
 *  improves, so "improving one rating never lowers the result" holds. */
export function medianRating(ratings: readonly Rating[]): Rating | undefined {
  if (ratings.length === 0) return undefined;
  const sorted = [...ratings].sort((a, b) => ratingRank[a] - ratingRank[b]);
  const lower = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const upper = sorted[Math.floor(sorted.length / 2)]!;
  return lower === upper ? lower : 'SESUAI';
}
