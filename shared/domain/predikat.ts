/**
 * Predikat Kinerja Pegawai: the matrix of PermenPAN-RB 6/2022 (spec §3c), as data.
 *
 * Monotonicity, as it really holds: with predikat ordered Sangat Kurang < Kurang < Butuh Perbaikan
 * < Baik < Sangat Baik, improving ONE of the two ratings (the other fixed) never lowers the predikat.
 * It does not always raise it (Sesuai → Di Atas results with Sesuai behaviour stays Baik), and
 * improving one rating while the other falls can go either way: Di Atas/Di Bawah is Kurang, while
 * Di Bawah/Sesuai is Butuh Perbaikan. No single-step improvement moves between Kurang and Butuh
 * Perbaikan (Kurang marks poor behaviour, Butuh Perbaikan poor results), so monotonicity would hold
 * under either order of those two; the tests check both facts.
 */
import type { BehaviourRating, Predikat, ResultRating } from './ratings';

/** Rows: results rating; columns: behaviour rating. */
export const PREDIKAT_MATRIX: Readonly<Record<ResultRating, Readonly<Record<BehaviourRating, Predikat>>>> = Object.freeze({
  DI_ATAS: Object.freeze({ DI_BAWAH: 'KURANG', SESUAI: 'BAIK', DI_ATAS: 'SANGAT_BAIK' }),
  SESUAI: Object.freeze({ DI_BAWAH: 'KURANG', SESUAI: 'BAIK', DI_ATAS: 'BAIK' }),
  DI_BAWAH: Object.freeze({ DI_BAWAH: 'SANGAT_KURANG', SESUAI: 'BUTUH_PERBAIKAN', DI_ATAS: 'BUTUH_PERBAIKAN' }),
});

export function predikatFor(results: ResultRating, behaviour: BehaviourRating): Predikat {
  return PREDIKAT_MATRIX[results][behaviour];
}
