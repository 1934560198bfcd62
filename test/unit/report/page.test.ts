/**
 * The cycle report page as HTML text: complete and self-contained, every unit and stage present, a
 * labelled SVG per unit, everything escaped, both languages, and curve bands equal to the domain's.
 */
import { describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../../shared/adapters/render/pages/layout';
import { type CycleReportSummary, curveRows, renderCycleReport, reportHtmlResponse } from '../../../shared/adapters/render/report/page';
import type { cycleSummary } from '../../../shared/application/queries/cycle-summary';
import { checkDistribution } from '../../../shared/domain/distribution';
import { STAGES, stageLabel } from '../../../shared/domain/lifecycle/status';
import { DEFAULT_POLICY_ID, getPolicy } from '../../../shared/domain/policies';
import type { Predikat } from '../../../shared/domain/ratings';
import { sampleSummary } from './fixtures';

// Compile-time: what `cycleSummary()` returns is accepted as the report's input, unchanged.
type Summary = Awaited<ReturnType<typeof cycleSummary>>;
const accepts = (s: Summary): CycleReportSummary => s;
void accepts;

const generatedAt = new Date('2027-02-10T03:00:00Z');

const predikats = (counts: Partial<Record<Predikat, number>>): Predikat[] =>
  Object.entries(counts).flatMap(([p, n]) => Array.from({ length: n ?? 0 }, () => p as Predikat));

/** A small active cycle with no stored calibration: the page computes the curve itself. */
function smallSummary(overrides: Partial<CycleReportSummary['cycle']> = {}, unitName = 'Seksi Pemerintahan'): CycleReportSummary {
  return {
    cycle: {
      cycleId: 'kec-test-2026',
      agencyId: 'kec-test',
      year: 2026,
      policyId: DEFAULT_POLICY_ID,
      status: 'ACTIVE',
      stage: 'CALIBRATION',
      orgPredikat: 'BAIK',
      ...overrides,
    },
    stages: STAGES.map((stage, i) => ({
      stage,
      total: 10,
      done: i < 3 ? 10 : i === 3 ? 4 : 0,
      openedAt: i <= 3 ? '2026-01-02T01:00:00Z' : null,
      readyAt: null,
      closedAt: i < 3 ? '2026-02-01T01:00:00Z' : null,
    })),
    units: [
      { unitId: 'seksi-a', name: unitName, employees: 10, distribution: { BAIK: 8, SANGAT_BAIK: 1, BUTUH_PERBAIKAN: 1 }, statuses: { RATED: 10 } },
      { unitId: 'seksi-b', name: 'Seksi Kesejahteraan Rakyat', employees: 4, distribution: { BAIK: 4 }, statuses: { RATED: 4 } },
    ],
    workflow: null,
  };
}

/** The <svg> element of a chart and its band rects, by data-unit. */
function chartOf(page: string, unitId: string): string {
  const m = new RegExp(`<svg class="chart"[^>]*data-unit="${unitId}"[\\s\\S]*?</svg>`).exec(page);
  if (!m) throw new Error(`no chart for ${unitId}`);
  return m[0];
}
function bandOf(svg: string, predikat: string): { min: string; max: string } | undefined {
  const g = new RegExp(`<g class="row[^"]*" data-predikat="${predikat.replace(/\+/g, '\\+')}"[\\s\\S]*?</g>`).exec(svg)?.[0];
  const band = g && /class="band" data-min="([^"]*)" data-max="([^"]*)"/.exec(g);
  return band ? { min: band[1]!, max: band[2]! } : undefined;
}

describe('renderCycleReport', () => {
  const { summary, ikm } = sampleSummary();
  const page = renderCycleReport(summary, { generatedAt, ikm });

  it('is one complete, self-contained document: lang, title, inline CSS, no script, no external asset', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<html lang="id">');
    expect(page).toMatch(/<title>Laporan Siklus Kinerja 2026 — kec-asemrowo-2026 — Kinerja ASN<\/title>/);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain('<style>');
    expect(page).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|url\(|@import|href="(?!#)/i);
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
    expect(page).toContain('</html>');
  });

  it('shows the cycle and its status in the header', () => {
    expect(page).toContain('kec-asemrowo-2026');
    expect(page).toMatch(/<span class="badge COMPLETED">Selesai<\/span>/);
    expect(page).toContain('10 Februari 2027 pukul 10.00 WIB');
    expect(page).toContain('permenpanrb-6-2022/v1');
  });

  it('lists every stage with its label and done/total, in order', () => {
    let last = -1;
    for (const s of summary.stages) {
      const at = page.indexOf(`data-stage="${s.stage}"`);
      expect(at, s.stage).toBeGreaterThan(last);
      last = at;
      expect(page).toContain(stageLabel[s.stage as keyof typeof stageLabel].id);
    }
    expect(page).toContain('58 dari 58 selesai');
    const flags = summary.stages.find((s) => s.stage === 'CALIBRATION')!.total;
    expect(page).toContain(`${flags} dari ${flags} selesai`); // calibration: one per flag
  });

  it('has every unit with a labelled SVG chart (role img, title, desc) and a table next to it', () => {
    const svgs = page.match(/<svg class="chart"[^>]*>/g) ?? [];
    expect(svgs).toHaveLength(summary.units.length + 1); // + the whole organisation
    for (const u of summary.units) {
      expect(page).toContain(`<h3 id="unit-${summary.units.indexOf(u)}-h">${u.name}</h3>`);
      const svg = chartOf(page, u.unitId);
      const open = /<svg[^>]*>/.exec(svg)![0];
      expect(open).toContain('role="img"');
      const [titleId, descId] = /aria-labelledby="([^"]+)"/.exec(open)![1]!.split(' ');
      expect(svg).toMatch(new RegExp(`<title id="${titleId}">Sebaran predikat ${u.name} terhadap kurva distribusi</title>`));
      expect(svg).toContain(`<desc id="${descId}">`);
      expect(page).toContain(`<caption>Sebaran predikat ${u.name} (tabel)</caption>`);
    }
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows calibration flags with HR’s resolution reason', () => {
    for (const f of summary.cycle.calibration!.flags!) {
      expect(page).toContain(f.resolution!.reason);
      for (const v of f.violations!) expect(page).toContain(v.messageId.replace(/"/g, '&quot;'));
    }
    expect(page).toContain('Ditinjau HR pada 12 Januari 2027 pukul 11.00 WIB');
  });

  it('shows IKM per unit with mutu and respondents, and the totals', () => {
    expect(page).toMatch(
      /<tr data-unit="kec-asemrowo"><th scope="row">Kecamatan Asemrowo<\/th><td class="num">88,93<\/td><td><span class="mutu mutu-A">A<\/span> Sangat Baik<\/td><td class="num">64<\/td><\/tr>/,
    );
    expect(page).toContain('mutu-C');
    expect(page).toContain(`<span class="n">${ikm.reduce((s, x) => s + x.respondents, 0)}</span>Responden SKM`);
    expect(page).toContain('<span class="n">58</span>Pegawai');
  });

  it('draws the bands of the stored calibration report', () => {
    const report = summary.cycle.calibration!.report!;
    for (const unit of report.units) {
      const svg = chartOf(page, unit.unitId);
      for (const c of unit.checks.filter((x) => x.status !== 'NOT_APPLICABLE' && x.predikats.length === 1)) {
        const band = bandOf(svg, c.predikats[0]!)!;
        if (c.min !== undefined) expect(Number(band.min)).toBeGreaterThanOrEqual(c.min);
        if (c.max !== undefined) expect(Number(band.max)).toBeLessThanOrEqual(c.max);
      }
    }
  });

  it('is deterministic', () => {
    expect(renderCycleReport(summary, { generatedAt, ikm })).toBe(page);
  });
});

describe('the curve band', () => {
  it('equals checkDistribution’s min and max for a known case (10 people, organisation Baik)', () => {
    const page = renderCycleReport(smallSummary(), { generatedAt });
    const report = checkDistribution(
      [
        { unitId: 'seksi-a', predikats: predikats({ BAIK: 8, SANGAT_BAIK: 1, BUTUH_PERBAIKAN: 1 }) },
        { unitId: 'seksi-b', predikats: predikats({ BAIK: 4 }) },
      ],
      'BAIK',
      getPolicy(DEFAULT_POLICY_ID),
    );
    const checks = report.units[0]!.checks;
    const most = checks.find((c) => c.bound.kind === 'moreThanPercent')!;
    const cap = checks.find((c) => c.bound.kind === 'atMostPercent')!;
    const some = checks.find((c) => c.bound.kind === 'atLeastCount')!;
    expect([most.min, cap.max, some.min]).toEqual([6, 7, 1]); // the known case itself
    const svg = chartOf(page, 'seksi-a');
    expect(bandOf(svg, 'BAIK')).toEqual({ min: String(most.min), max: String(cap.max) });
    expect(bandOf(svg, 'BUTUH_PERBAIKAN+KURANG')).toEqual({ min: String(some.min), max: '' });
    expect(svg).toContain('kurva 6–7');
    expect(svg).toContain('kurva minimal 1');
    expect(bandOf(svg, 'SANGAT_BAIK')).toBeUndefined(); // no rule on Sangat Baik under Baik
    // 8 Baik is over the maximum of 7: red, marked, and said in words
    expect(svg).toMatch(/<g class="row out" data-predikat="BAIK"/);
    expect(page).toMatch(
      /<tr class="out" data-predikat="BAIK"><th scope="row">Baik<\/th><td class="num">! 8 \(80 %\)<\/td><td><span class="band-n">6–7<\/span>, di luar kurva<\/td><\/tr>/,
    );
    // a unit of 4 under Baik: "most" (3) contradicts "at most 70%" (2): no band, said so
    const small = chartOf(page, 'seksi-b');
    expect(bandOf(small, 'BAIK')).toBeUndefined();
    expect(report.units[1]!.checks.filter((c) => c.predikats.includes('BAIK')).every((c) => c.status === 'NOT_APPLICABLE')).toBe(true);
    expect(page).toContain('tidak berlaku untuk ukuran unit ini');
    expect(page).toContain('Belum ada kalibrasi tersimpan; kurva dihitung saat laporan dibuat.');
  });

  it('curveRows combines the rules on one group into one band', () => {
    const counts = { SANGAT_KURANG: 0, KURANG: 0, BUTUH_PERBAIKAN: 1, BAIK: 8, SANGAT_BAIK: 1 };
    const report = checkDistribution([{ unitId: 'u', predikats: predikats(counts) }], 'BAIK', getPolicy(DEFAULT_POLICY_ID));
    const rows = curveRows(counts, report.units[0]!.checks);
    expect(rows.map((r) => r.predikats.join('+'))).toEqual(['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG', 'BUTUH_PERBAIKAN+KURANG']);
    expect(rows[1]).toMatchObject({ actual: 8, min: 6, max: 7, status: 'VIOLATED' });
    expect(rows[5]).toMatchObject({ actual: 1, min: 1, status: 'OK' });
    expect(rows[0]).toMatchObject({ status: 'NONE', actual: 1 });
  });

  it('assumes Baik when HR has not set the organisation predikat, and says so', () => {
    const page = renderCycleReport(smallSummary({ orgPredikat: undefined }), { generatedAt });
    expect(page).toContain('belum ditetapkan HR; kurva dihitung dengan anggapan Baik');
    expect(bandOf(chartOf(page, 'seksi-a'), 'BAIK')).toEqual({ min: '6', max: '7' });
  });

  it('renders without a curve under a numeric-model policy, and before any predikat', () => {
    const s = smallSummary({ policyId: 'pp46-2011/v1' });
    const page = renderCycleReport(s, { generatedAt });
    expect(page).toContain('Kurva distribusi tidak tersedia');
    expect(page).not.toContain('class="band"');
    const empty = smallSummary();
    empty.units = empty.units.map((u) => ({ ...u, distribution: {} }));
    const early = renderCycleReport(empty, { generatedAt });
    expect(early).toContain('belum ada pegawai yang berpredikat');
    expect(early.match(/<svg class="chart"/g)).toHaveLength(3);
  });
});

describe('escaping and languages', () => {
  it('escapes every interpolated string: unit names, reasons, ids, errors', () => {
    const evil = '<script>alert(1)</script>';
    const s = smallSummary(
      { cycleId: 'x"><script>alert(2)</script>', failure: { stage: 'APPROVAL', error: '<img src=x onerror=alert(3)>', at: '2027-01-01T00:00:00Z' } },
      evil,
    );
    s.cycle.calibration = {
      orgPredikat: 'BAIK',
      flags: [
        {
          unitId: 'seksi-a',
          violations: [],
          resolved: true,
          resolution: { reason: `Alasan ${evil} & "kutip"`, by: '197702062002031010', at: '2027-01-12T04:00:00Z' },
        },
      ],
    };
    s.workflow = { name: 'n', status: 'FAILED', error: '<b>States.TaskFailed</b>', cause: null };
    const page = renderCycleReport(s, { generatedAt, ikm: [{ unitId: 'seksi-a', ikm: 80.5, mutu: '<A>', respondents: 3 }] });
    expect(page).not.toMatch(/<script|<img|<b>/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('Alasan &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;kutip&quot;');
    expect(page).toContain('&lt;img src=x onerror=alert(3)&gt;');
    expect(page).toContain('x&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(page).toContain('mutu mutu-X');
  });

  it('renders in English with lang="en" and English labels', () => {
    const { summary, ikm } = sampleSummary();
    const page = renderCycleReport(summary, { locale: 'en', generatedAt, ikm });
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<h1>Performance cycle report 2026</h1>');
    expect(page).toContain('Completed');
    for (const s of STAGES) expect(page).toContain(stageLabel[s].en);
    expect(page).toContain('Predikat distribution of Kelurahan Asemrowo against the distribution curve');
    expect(page).toContain('Reviewed by HR on 12 January 2027 at 11:00 WIB');
    expect(page).toContain('88.93');
    expect(page).toContain('Very good');
    expect(page).not.toContain('Sebaran predikat');
  });

  it('comes as an API response with the pages’ strict headers', () => {
    const r = reportHtmlResponse('<!DOCTYPE html><title>x</title>');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-security-policy']).toBe(PAGE_CSP);
  });

  it('marks the current stage of an active cycle', () => {
    const page = renderCycleReport(smallSummary(), { generatedAt });
    expect(page).toMatch(/<li class="stage current" data-stage="CALIBRATION" aria-current="step">/);
    expect(page).toContain('4 dari 10 selesai');
    expect(page).toContain('Berjalan</span> — tahap saat ini: Kalibrasi Kurva Distribusi');
  });
});
