/**
 * The report's rater-bias section on the Asemrowo sample (every plan scored by the engine, as the
 * cycle of `npm start` scores it): the lenient Kasi Kesra is flagged with the statistic and the
 * threshold, nobody else is; HR's acknowledgement shows; English too; the section never names a
 * rating change.
 */
import { describe, expect, it } from 'vitest';
import { renderCycleReport } from '../../../shared/adapters/render/report/page';
import { ratedPersonOf } from '../../../shared/application/rater-bias/rater-bias';
import { analyseRaterBias, type RatedPerson } from '../../../shared/domain/rater-bias';
import { sample, sampleEvaluations, sampleSummary } from './fixtures';

const KASI_KESRA = sample.employees.find((e) => e.jabatan === 'Kepala Seksi Kesejahteraan Rakyat')!;
const people = sampleEvaluations()
  .map(ratedPersonOf)
  .filter((p): p is RatedPerson => p !== undefined);
const analysis = analyseRaterBias(people);
const raterBias = {
  ...analysis,
  raters: analysis.raters.map((r) => ({ ...r, name: sample.employees.find((e) => e.nip === r.raterNip)?.name })),
};
const generatedAt = new Date('2027-02-10T03:00:00Z');

describe('the rater-bias section of the cycle report (sample cycle)', () => {
  it('flags the lenient Kasi Kesra, and only her', () => {
    const flagged = analysis.raters.filter((r) => r.flags.length);
    expect(flagged.map((r) => [r.raterNip, r.flags])).toEqual([[KASI_KESRA.nip, ['LENIENCY']]]);
    const { summary, ikm } = sampleSummary();
    const page = renderCycleReport(summary, { generatedAt, ikm, raterBias });
    expect(page).toContain('<h2 id="bias-h" class="section-h">Bias penilai</h2>');
    const article = page.slice(page.indexOf(`data-rater="${KASI_KESRA.nip}"`), page.indexOf('</article>', page.indexOf(`data-rater="${KASI_KESRA.nip}"`)));
    expect(article).toContain(KASI_KESRA.name);
    expect(article).toContain('Terlalu longgar (banyak Sangat Baik)');
    expect(article).toContain('5 dari 5 (100 %) dinilai Sangat Baik');
    expect(article).toContain('Belum ditanggapi HR.');
    expect(page).toContain('tidak mengubah nilai apa pun');
  });

  it('shows HR’s acknowledgement, and reads in English', () => {
    const { summary, ikm } = sampleSummary();
    const acknowledged = {
      ...raterBias,
      raters: raterBias.raters.map((r) =>
        r.raterNip === KASI_KESRA.nip
          ? {
              ...r,
              acknowledgement: { note: 'Dibahas <b>bersama</b> Camat', by: { nip: '197702062002031010', name: 'Agus Setiawan' }, at: '2027-02-05T02:00:00Z' },
            }
          : r,
      ),
    };
    const id = renderCycleReport(summary, { generatedAt, ikm, raterBias: acknowledged });
    expect(id).toContain('Ditanggapi oleh Agus Setiawan');
    expect(id).toContain('Dibahas &lt;b&gt;bersama&lt;/b&gt; Camat');
    const en = renderCycleReport(summary, { locale: 'en', generatedAt, ikm, raterBias: acknowledged });
    expect(en).toContain('<h2 id="bias-h" class="section-h">Rater bias</h2>');
    expect(en).toContain('Leniency (many Sangat Baik)');
    expect(en).toContain('Acknowledged by Agus Setiawan');
  });

  it('is left out when the report is rendered without the analysis', () => {
    const { summary, ikm } = sampleSummary();
    expect(renderCycleReport(summary, { generatedAt, ikm })).not.toContain('id="bias-h"');
  });
});
