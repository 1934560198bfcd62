/**
 * A quarterly policy on the local stack: after planning, the four quarters (Triwulan I–IV) run one
 * execution each (`<cycleId>-PERIOD-Q1` …), chained, alongside the cycle's stages and without holding
 * them. Triwulan I–III are reviewed by the raters and close when every review is in; one review is
 * checked in full (realisations with evidence, periodic rating, feedback per RHK and value, coaching
 * notes); Triwulan IV gets no review, reminds its raters and closes on its deadline day. The
 * evaluation detail (what the final evaluation reads) lists every period.
 *
 * A small part of the sample (the Camat, the Sekcam and Subbagian Keuangan: 7 employees) and a stage
 * day of ~0.17 s keep it fast (~25 s after the stack is up); planning is condensed to stored approvals.
 */
import '../../local/sfn/polyfill';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../local/people';
import { seedRoster } from '../../local/run-cycle';
import { loadSampleAgency, type SampleAgency } from '../../local/sample/schema';
import { type LocalStack, startLocalStack } from '../../local/stack';
import { readOutbox } from '../../shared/adapters/mail/outbox';
import { ports } from '../../shared/application/context';
import { releaseStageIfComplete } from '../../shared/application/stages/release';
import '../../shared/composition';
import type { Stage } from '../../shared/domain/lifecycle/status';
import type { EvaluationRecord, StageRecord } from '../../shared/domain/records';
import { formatNumber } from '../../shared/domain/text';

const full = loadSampleAgency('local/sample/asemrowo.json');
const UNITS = new Set(['kec-asemrowo', 'sekretariat', 'subbag-keuangan', 'pemkot-surabaya']);
const sample: SampleAgency = {
  ...full,
  units: full.units.filter((u) => UNITS.has(u.unitId)),
  employees: full.employees.filter((e) => UNITS.has(e.unitId)),
  plans: full.plans.filter((p) => full.employees.some((e) => e.nip === p.nip && UNITS.has(e.unitId))),
  skm: [],
};
const cycleId = `${sample.agencyId}-${sample.year}`;
const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
const byNip = new Map(sample.employees.map((e) => [e.nip, e]));
const members = sample.plans.map((p) => p.nip);
// The one review checked in full: a Bendahara Pengeluaran, rated by the Kasubbag Keuangan.
const reviewed = members.find((nip) => byNip.get(nip)!.jabatan.startsWith('Bendahara'))!;

let stack: LocalStack;
let api: ApiClient;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const periodRecord = (q: string) => ports().stages.get(cycleId, `PERIOD-${q}` as Stage);

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await sleep(40);
  }
}

const records = new Map<string, StageRecord>();

beforeAll(async () => {
  // A quarter stays open ~12 s at this scale: enough for the test to record and review under load.
  stack = await startLocalStack({ workDir: mkdtempSync(path.join(tmpdir(), 'asn-periodic-')), timeScale: 1e-5 });
  api = new ApiClient(stack.apiUrl, (nip, roles) => stack.token(nip, roles));
  await seedRoster(sample);
  // HR starts a cycle with quarterly periodic evaluations.
  const hr = { nip: members[0]!, roles: ['hr', 'employee'] as ('hr' | 'employee')[] };
  const created = await api.call('POST', '/v1/cycles', hr, { year: sample.year, orgPredikat: 'BAIK', periodicEvaluation: 'quarterly' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  // Planning, condensed: every SKP is stored as approved, as the rater's approval would leave it (the
  // whole planning flow over HTTP and email is test/integration/cycle.test.ts's).
  await until('planning open', async () => (await ports().stages.get(cycleId, 'PLANNING'))?.readyAt);
  for (const p of sample.plans) {
    const e = (await ports().evaluations.get(cycleId, p.nip))!;
    await ports().evaluations.change(
      {
        cycleId,
        nip: p.nip,
        changeId: `test:skp:${p.nip}`,
        from: 'SKP_DRAFT',
        to: 'SKP_APPROVED',
        set: { skp: p.skp },
        audit: { at: new Date().toISOString(), actor: { role: 'system' }, action: 'SKP_APPROVED' },
        extra: [ports().stages.counterOp(cycleId, 'PLANNING', { done: 1 })],
      },
      e,
    );
  }
  await releaseStageIfComplete(cycleId, 'PLANNING');

  for (const q of QUARTERS) {
    await until(`${q} open`, async () => (await periodRecord(q))?.readyAt);
    if (q === 'Q1') {
      // The employee records the quarter's realisations with evidence, then the rater reviews.
      const plan = sample.plans.find((p) => p.nip === reviewed)!;
      const realisations = plan.midyear.map((r) => ({ ...r, evidence: [`https://arsip.asemrowo.go.id/spj/${q}/${r.indicatorId}.pdf`] }));
      await api.expect('PUT', `/v1/cycles/${cycleId}/evaluations/${reviewed}/progress`, { nip: reviewed }, { realisations, periodId: q });
      const rhk = plan.skp.rhk[0]!;
      await api.expect(
        'PUT',
        `/v1/cycles/${cycleId}/evaluations/${reviewed}/periods/${q}/review`,
        { nip: byNip.get(reviewed)!.raterNip! },
        {
          rating: 'SESUAI',
          rhkFeedback: [{ rhkId: rhk.id, rating: 'SESUAI', comment: 'SPJ triwulan I terverifikasi tepat waktu.' }],
          valueFeedback: [{ value: 'AKUNTABEL', rating: 'DI_ATAS', comment: 'Teliti dan tertib administrasi.' }],
          coachingNotes: 'Ikut bimtek aplikasi SIPD pada triwulan II.',
        },
      );
    }
    if (q !== 'Q4') {
      // Every other member is reviewed too, so the quarter closes as soon as the last review is in.
      for (const nip of members) {
        if (q === 'Q1' && nip === reviewed) continue;
        const rater = byNip.get(nip)!.raterNip!;
        await api.expect('PUT', `/v1/cycles/${cycleId}/evaluations/${nip}/periods/${q}/review`, { nip: rater }, { rating: 'SESUAI' });
      }
    }
    records.set(q, await until(`${q} closed`, async () => ((await periodRecord(q))?.closedAt ? (await periodRecord(q))! : undefined)));
  }
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('a quarterly policy', () => {
  it('opens and closes the four quarters, one execution each, chained, all succeeded', async () => {
    for (const q of QUARTERS) expect(records.get(q)!.total, q).toBe(members.length);
    expect(QUARTERS.map((q) => records.get(q)!.done)).toEqual([members.length, members.length, members.length, 0]);
    // Each opens after the previous one closed (the checkpoint of one starts the next).
    for (let i = 1; i < QUARTERS.length; i++)
      expect(Date.parse(records.get(QUARTERS[i]!)!.openedAt!)).toBeGreaterThanOrEqual(Date.parse(records.get(QUARTERS[i - 1]!)!.closedAt!));
    const periods = await until('the last period execution to finish', async () => {
      const list = stack.sfn.listExecutions().filter((e) => e.name.startsWith(`${cycleId}-PERIOD-`));
      return list.length === 4 && list.every((e) => e.status !== 'RUNNING') ? list : undefined;
    });
    expect(periods.map((e) => e.name).sort()).toEqual(QUARTERS.map((q) => `${cycleId}-PERIOD-${q}`));
    expect(periods.every((e) => e.status === 'SUCCEEDED')).toBe(true);
  });

  it('does not hold the cycle: the cycle went on to the mid-year stage, its own execution', async () => {
    const cycle = await ports().cycles.get(cycleId);
    expect(cycle!.stage).not.toBe('PLANNING');
    expect(cycle!.schedule.periodicEvaluation).toBe('quarterly');
    expect(stack.sfn.listExecutions().map((e) => e.name)).toContain(`${cycleId}-MIDYEAR`);
  });

  it('keeps the review of a period: realisations with evidence, rating, feedback per RHK and value, coaching notes', async () => {
    const { evaluation } = (await api.expect('GET', `/v1/cycles/${cycleId}/evaluations/${reviewed}`, { nip: reviewed })) as { evaluation: any };
    expect(Object.keys(evaluation.periods).sort()).toEqual([...QUARTERS]);
    const q1 = evaluation.periods.Q1;
    expect(q1.label.id).toBe('Triwulan I');
    expect(q1.realisations[0].evidence[0]).toMatch(/^https:\/\/arsip\.asemrowo\.go\.id\/spj\/Q1\//);
    expect(q1.review).toMatchObject({
      rating: 'SESUAI',
      rhkFeedback: [{ rhkId: 'rhk-1', rating: 'SESUAI' }],
      valueFeedback: [{ value: 'AKUNTABEL', rating: 'DI_ATAS' }],
      coachingNotes: 'Ikut bimtek aplikasi SIPD pada triwulan II.',
      by: byNip.get(reviewed)!.raterNip,
    });
    expect(evaluation.periods.Q4.label.id).toBe('Triwulan IV (Akhir)');
    expect(evaluation.periods.Q4.review).toBeUndefined();
    // The evaluation's status is the stage's business only: periods never move it.
    expect(['MONITORING', 'SKP_APPROVED']).toContain(evaluation.status);
  });

  it('reminds the raters of an unreviewed quarter, and refuses a review once it is closed', async () => {
    const reminders = (await readOutbox(stack.outboxDir)).filter((m) => m.text.includes('Triwulan IV'));
    expect(reminders.length).toBeGreaterThan(0);
    const rater = byNip.get(reviewed)!.raterNip!;
    const late = await api.call('PUT', `/v1/cycles/${cycleId}/evaluations/${reviewed}/periods/Q4/review`, { nip: rater }, { rating: 'SESUAI' });
    expect(late.status).toBe(409);
    expect(JSON.stringify(late.body)).toContain('sudah ditutup');
  });

  it('leaves each quarter’s Evaluasi Kinerja Periodik, showing that quarter from its record; the annual evaluation lists every quarter (pdftotext)', async () => {
    await stack.lambda.idle();
    expect(stack.lambda.failures).toEqual([]);
    const me = { nip: reviewed };
    const docs = async () => ((await api.expect('GET', `/v1/cycles/${cycleId}/evaluations/${reviewed}/documents`, me)) as { documents: any[] }).documents;
    const periodic = (await docs()).filter((d) => d.kind === 'EVALUASI_PERIODIK');
    // Made when each quarter closed (the documents function in the background); no "Semester I" under this policy.
    expect(periodic.map((d) => d.variant).sort()).toEqual(['Triwulan I', 'Triwulan II', 'Triwulan III', 'Triwulan IV (Akhir)']);
    expect(periodic.find((d) => d.variant === 'Triwulan IV (Akhir)').draft).toBe(true);
    const out = path.resolve('test-results/documents');
    mkdirSync(out, { recursive: true });
    const dir = mkdtempSync(path.join(tmpdir(), 'asn-periodic-docs-'));
    const read = async (doc: { code: string }, name: string) => {
      const link = (await api.expect('GET', `/v1/documents/${doc.code}`, me)) as { url: string };
      const file = path.join(dir, `${name}.pdf`);
      writeFileSync(file, Buffer.from(await (await fetch(link.url)).arrayBuffer()));
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(out, name)]);
      return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    };

    const stored = (await ports().evaluations.get(cycleId, reviewed))!;
    const q1 = stored.periods!.Q1!;
    const q1Doc = periodic.find((d) => d.variant === 'Triwulan I');
    expect(q1Doc).toMatchObject({ draft: false, approval: { nip: q1.review!.by, at: q1.review!.at } });
    const text = await read(q1Doc, 'evaluasi-periodik-triwulan-I');
    for (const s of [
      'EVALUASI KINERJA PEGAWAI PERIODIK',
      'Periode: Triwulan I 2026 (Januari s.d. Maret 2026)',
      stored.name,
      reviewed,
      byNip.get(reviewed)!.raterNip!,
      // The quarter's own realisations and review, as stored.
      ...q1.realisations!.flatMap((r) => (r.value !== undefined ? [formatNumber(r.value, 'id')] : [])),
      'Sesuai Ekspektasi — SPJ triwulan I terverifikasi tepat waktu.',
      'Akuntabel',
      'Di Atas Ekspektasi — Teliti dan tertib administrasi.',
      'Ikut bimtek aplikasi SIPD pada triwulan II.',
      `Kode verifikasi: ${q1Doc.code}`,
      q1Doc.hash,
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('Semester I');
    const q4 = await read(
      periodic.find((d) => d.variant === 'Triwulan IV (Akhir)'),
      'evaluasi-periodik-triwulan-IV-draft',
    );
    expect(q4).toContain('Periode: Triwulan IV (Akhir) 2026 (Oktober s.d. Desember 2026)');
    expect(q4).toContain('DRAFT');

    // The annual evaluation (on demand, a DRAFT until the result is final) once a score is stored: it lists every quarter.
    const plan = sample.plans.find((p) => p.nip === reviewed)!;
    const score = {
      rhk: plan.skp.rhk.map((r) => ({ rhkId: r.id, jenis: r.jenis, achievement: 100, indicators: [], proposed: 'SESUAI', final: 'SESUAI', competencies: [] })),
      resultsRating: 'SESUAI',
      behaviour: { proposed: 'SESUAI', final: 'SESUAI', perValue: [] },
      predikat: 'BAIK',
    } as unknown as EvaluationRecord['score'];
    await ports().evaluations.change(
      {
        cycleId,
        nip: reviewed,
        changeId: `test:score:${reviewed}`,
        from: stored.status,
        to: stored.status,
        set: { score },
        audit: { at: new Date().toISOString(), actor: { role: 'system' }, action: 'TEST_SCORE' },
      },
      stored,
    );
    const annual = (await api.expect('POST', `/v1/cycles/${cycleId}/evaluations/${reviewed}/documents`, me, { kind: 'EVALUASI_TAHUNAN' })) as {
      document: { code: string };
    };
    const annualText = await read(annual.document, 'evaluasi-tahunan-triwulanan');
    const reviewedOn = (at: string) => new Date(Date.parse(at) + 7 * 3600_000).toISOString().slice(0, 10);
    expect(annualText).toContain('Evaluasi kinerja periodik');
    for (const q of ['Q1', 'Q2', 'Q3'] as const) {
      const entry = stored.periods![q]!;
      const [y, m, d] = reviewedOn(entry.review!.at).split('-').map(Number) as [number, number, number];
      const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
      expect(annualText).toContain(`${entry.label.id} Sesuai Ekspektasi ${d} ${months[m - 1]} ${y}`);
    }
    // (the DRAFT watermark's letters may fall between the cells in the text stream)
    expect(annualText).toMatch(/Triwulan IV \(Akhir\) .*belum dinilai/);
  });
});
