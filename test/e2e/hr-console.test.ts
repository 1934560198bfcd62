/**
 * HR's console in Chromium against the local stack: a small office (a Camat rated by the external Sekda, a
 * Sekcam rating nine staff, the head of general affairs who is HR) — twelve people in the cycle, enough for the organisation's distribution to be
 * checked against the curve. HR signs in through the local OIDC page and, in the browser:
 *
 * - creates the cycle: an impossible year first (the API's 422 with the years allowed, beside the field),
 *   then the sample year;
 * - sees the late people of the planning stage and reminds one: exactly one reminder email in the local
 *   outbox for that person; a second click says it was already sent today and sends nothing;
 * - in calibration (everyone rated Baik: the curve wants some below), downloads the CSV and opens the cycle
 *   report (both through the session: no token in any URL; the report renders under the app's CSP), reads
 *   an evaluation's audit trail, and resolves each calibration flag with a reason (an empty reason first).
 *
 * Everyone else acts over the same HTTP API with their own tokens, so the stages move on. The planning
 * stage is made to have opened 31 days ago (its stage record's openedAt): the local stack compresses the
 * workflow's days, not the clock a deadline is read against. Screens at 390 and 1280 px go to
 * test-results/hr-console/, each checked with axe-core (no serious or critical violation).
 */
import '../../local/sfn/polyfill';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { ApiClient } from '../../local/people';
import { type LocalStack, startLocalStack } from '../../local/stack';
import { ddb } from '../../shared/adapters/aws-clients';
import { keys } from '../../shared/adapters/dynamodb/keys';
import { getEvaluation, putEmployee, putUnit } from '../../shared/adapters/dynamodb/repository';
import { table } from '../../shared/adapters/dynamodb/table';
import { readOutbox } from '../../shared/adapters/mail/outbox';
import { buildWeb } from '../../web/build';
import { chromiumAvailable, launchChromium, resultPath } from '../support/browser';
import { screenChecks, signIn, simpleSkp } from '../support/web-app';

const hasChromium = chromiumAvailable('test/e2e/hr-console');
const YEAR = 2026;
const DAY_MS = 86_400_000;

const SEKDA = { nip: '196901281995031005', name: 'Drs. Bambang Suryo Atmodjo, M.Si.', jabatan: 'Sekretaris Daerah Kota Surabaya' };
const CAMAT = { nip: '197704202004011003', name: 'Moch. Ridwan Hakim, S.STP., M.Si.', jabatan: 'Camat Asemrowo' };
const SEKCAM = { nip: '198010102003012007', name: 'Endang Sri Rahayu, S.Sos., M.M.', jabatan: 'Sekretaris Kecamatan' };
/** HR (pengelola kinerja): the head of general affairs, rated by the Camat like everyone in the office. */
const HR = { nip: '197702062002031010', name: 'Agus Salim Wibowo, S.Sos.', jabatan: 'Kepala Subbagian Umum' };
const STAFF_NAMES = [
  'Dimas Arya Pratama',
  'Nurul Fadilah',
  'Rizky Maulana',
  'Siti Aminah',
  'Bagus Setiawan',
  'Dewi Lestari',
  'Fajar Nugroho',
  'Intan Permata',
  'Yoga Pradana',
];
const STAFF = STAFF_NAMES.map((name, i) => ({ nip: `19920107201704${String(1010 + i).padStart(4, '0')}`, name: `${name}, S.Kom.`, jabatan: 'Pelaksana' }));
/** The one who does not submit an SKP in time. */
const LATE = STAFF[0]!;
const RATER_OF = new Map<string, string>([
  [CAMAT.nip, SEKDA.nip],
  [SEKCAM.nip, CAMAT.nip],
  [HR.nip, CAMAT.nip],
  ...STAFF.map((s) => [s.nip, SEKCAM.nip] as [string, string]),
]);
const IN_CYCLE = [CAMAT, SEKCAM, HR, ...STAFF];

describe.skipIf(!hasChromium)('HR console in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let api: ApiClient;
  let page: Page;
  const cycleId = `kec-asemrowo-${YEAR}`;
  const hr = { nip: HR.nip, roles: ['hr', 'employee'] as ('hr' | 'employee')[] };
  const t0 = Date.now();
  const mark = (what: string) => process.env.HR_CONSOLE_TIMING && console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${what}`);
  const cspErrors: string[] = [];

  beforeAll(async () => {
    const workDir = mkdtempSync(path.join(tmpdir(), 'asn-hr-console-'));
    const web = await buildWeb(path.join(workDir, 'web'));
    // A stage day is ~8.6 s: no reminder day of the workflow falls inside the test.
    stack = await startLocalStack({ workDir, timeScale: 1e-4, webDir: web.outDir, hrNips: [HR.nip] });
    const agency = stack.agencyId;
    await putUnit(agency, { unitId: 'kec-asemrowo', name: 'Kecamatan Asemrowo', headNip: CAMAT.nip });
    await putUnit(agency, { unitId: 'sekretariat', name: 'Sekretariat Kecamatan Asemrowo', parentUnitId: 'kec-asemrowo', headNip: SEKCAM.nip });
    const base = { locale: 'id' as const, competencies: ['manajemen-kinerja'], jenis: 'PNS' as const };
    await putEmployee(agency, { ...SEKDA, ...base, email: 'sekda@example.go.id', unitId: 'pemkot', isUnitHead: false, external: true });
    await putEmployee(agency, { ...CAMAT, ...base, email: 'camat@example.go.id', unitId: 'kec-asemrowo', raterNip: SEKDA.nip, isUnitHead: true });
    await putEmployee(agency, { ...SEKCAM, ...base, email: 'sekcam@example.go.id', unitId: 'sekretariat', raterNip: CAMAT.nip, isUnitHead: true });
    await putEmployee(agency, { ...HR, ...base, email: 'hr@example.go.id', unitId: 'kec-asemrowo', raterNip: CAMAT.nip, isUnitHead: false });
    for (const s of STAFF)
      await putEmployee(agency, { ...s, ...base, email: `${s.nip}@example.go.id`, unitId: 'sekretariat', raterNip: SEKCAM.nip, isUnitHead: false });
    api = new ApiClient(stack.apiUrl, (nip, roles) => stack.token(nip, roles));
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function open(appPath: string) {
    await page.goto(`${stack.webUrl}${appPath}`);
    await page.locator('h1').first().waitFor();
    await page.locator('.loading').first().waitFor({ state: 'detached' });
  }

  const screens = screenChecks('hr-console');
  async function shoot(name: string) {
    mark(`shoot ${name}`);
    await screens.shoot(page, name);
  }

  const summary = () => api.expect('GET', `/v1/cycles/${cycleId}`, hr);
  async function waitForCycle(check: (s: any) => boolean, what: string) {
    const until = Date.now() + 120_000;
    for (;;) {
      const s = await summary();
      if (s.cycle.failure) throw new Error(`cycle failed: ${JSON.stringify(s.cycle.failure)}`);
      if (check(s)) return s;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what} (at ${s.cycle.stage})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const atStage = (stage: string) => (
    mark(`waiting for ${stage}`), waitForCycle((s) => s.cycle.stage === stage && Boolean(s.stages.find((x: any) => x.stage === stage)?.readyAt), stage)
  );

  /** Every pending decision of `who` about `subject`, approved over the session API (as the app does). */
  async function approveAs(who: string, subject: string) {
    const until = Date.now() + 60_000;
    for (;;) {
      const list = await api.expect('GET', `/v1/me/decisions?cycleId=${cycleId}`, { nip: who });
      const d = list.items.find((x: any) => x.subject.nip === subject);
      if (d) return api.expect('POST', `/v1/me/decisions/${d.decisionId}`, { nip: who }, { decision: 'approve', comment: '' });
      if (Date.now() > until) throw new Error(`no decision for ${who} about ${subject}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  async function submitAndApprove(p: { nip: string; name: string }, text: string, parent?: string) {
    await api.expect('PUT', `/v1/cycles/${cycleId}/evaluations/${p.nip}/skp`, { nip: p.nip }, simpleSkp(p.nip, YEAR, text, parent));
    await approveAs(RATER_OF.get(p.nip)!, p.nip);
  }
  const remindersTo = async (nip: string) =>
    (await readOutbox(stack.outboxDir)).filter((m) => m.to.includes(`${nip}@example.go.id`) && m.tags.kind === 'reminder');

  it('creates a cycle, reminds a late person once, downloads the CSV, opens the report and resolves calibration flags', async () => {
    onTestFailed(async () => {
      console.error(`cycle: ${JSON.stringify((await summary().catch((e: unknown) => ({ cycle: String(e) }))).cycle)}`);
      if (page) {
        console.error(
          `── HR at ${page.url()}\n${await page
            .locator('main')
            .innerText({ timeout: 5_000 })
            .catch((e: unknown) => String(e))}`,
        );
        await page.screenshot({ path: resultPath('hr-console', 'failure.png'), fullPage: true }).catch(() => undefined);
      }
    });

    // ── HR signs in through the local OIDC page and creates the cycle: an impossible year first.
    ({ page } = await signIn(browser, stack.webUrl, 'Agus Salim Wibowo', { path: '/hr', heading: 'Siklus penilaian', acceptDownloads: true }));
    await page.getByText('Belum ada siklus').waitFor();
    await page.getByLabel('Tahun siklus').fill('2030');
    await page.getByLabel('Predikat organisasi (opsional)').selectOption('BAIK');
    await page.getByRole('button', { name: 'Buat dan mulai siklus' }).click();
    await page
      .locator('.field-error')
      .getByText(/Tahun yang dapat dibuat sekarang: .*2026/)
      .waitFor();
    await shoot('01-siklus-tahun-ditolak');
    await page.getByLabel('Tahun siklus').fill(String(YEAR));
    await page.getByRole('button', { name: 'Buat dan mulai siklus' }).click();
    await page.getByText(`Siklus ${YEAR} dibuat dan dimulai.`).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/hr/siklus/${cycleId}`);

    // ── Planning: everyone's SKP but one, top-down over the API; the stage opened 31 days ago.
    await atStage('PLANNING');
    await ddb.send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.stage(cycleId, 'PLANNING'),
        UpdateExpression: 'SET openedAt = :at',
        ExpressionAttributeValues: { ':at': new Date(Date.now() - 31 * DAY_MS).toISOString() },
      }),
    );
    await submitAndApprove(CAMAT, 'Meningkatnya kualitas pelayanan publik kecamatan');
    await submitAndApprove(SEKCAM, 'Terselenggaranya layanan administrasi kecamatan yang tertib', 'rhk-1');
    await submitAndApprove(HR, 'Terkelolanya kinerja pegawai kecamatan', 'rhk-1');
    await Promise.all(STAFF.slice(1).map((s) => submitAndApprove(s, `Tersusunnya laporan ${s.name.split(' ')[0]!.toLowerCase()}`, 'rhk-1')));

    // HR: the stage is two days late; the secretariat waits on one person; HR reminds them, once.
    await open(`/hr/siklus/${cycleId}`);
    await page.getByText('Lewat batas waktu 2 hari').first().waitFor();
    await page.getByRole('button', { name: 'Lihat yang menunggu · Sekretariat Kecamatan Asemrowo' }).click();
    const remind = page.getByRole('button', { name: `Ingatkan ${LATE.name}` });
    await remind.waitFor();
    expect(await remindersTo(LATE.nip)).toHaveLength(0);
    await shoot('02-ikhtisar-terlambat');
    await remind.click();
    await page.getByText(`Pengingat terkirim kepada ${LATE.name}.`).waitFor();
    const sent = await remindersTo(LATE.nip);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.tags).toMatchObject({ kind: 'reminder', stage: 'PLANNING' });
    expect(sent[0]!.links.some((l) => l.endsWith(`/siklus/${cycleId}/skp`))).toBe(true);
    await shoot('03-pengingat-terkirim');
    await remind.click();
    await page.getByText(`Sudah diingatkan hari ini, tidak dikirim lagi: ${LATE.name}.`).waitFor();
    expect(await remindersTo(LATE.nip)).toHaveLength(1);

    // The late SKP comes in; the cycle moves on.
    await submitAndApprove(LATE, 'Tersedianya layanan aplikasi kecamatan yang andal', 'rhk-1');

    // ── Mid-year and final scoring over the API: everyone Sesuai Ekspektasi, so everyone Baik.
    await atStage('MIDYEAR');
    await Promise.all(
      IN_CYCLE.map(async (p) => {
        await api.expect(
          'PUT',
          `/v1/cycles/${cycleId}/evaluations/${p.nip}/progress`,
          { nip: p.nip },
          { realisations: [{ indicatorId: 'iki-1-1', value: 90 }] },
        );
        await api.expect(
          'PUT',
          `/v1/cycles/${cycleId}/evaluations/${p.nip}/midyear-review`,
          { nip: RATER_OF.get(p.nip)! },
          { rating: 'SESUAI', notes: 'Sesuai rencana.' },
        );
      }),
    );
    await atStage('FINAL_SCORING');
    await Promise.all(
      IN_CYCLE.map(async (p) => {
        await api.expect(
          'PUT',
          `/v1/cycles/${cycleId}/evaluations/${p.nip}/progress`,
          { nip: p.nip },
          { realisations: [{ indicatorId: 'iki-1-1', value: 90 }] },
        );
        await api.expect('PUT', `/v1/cycles/${cycleId}/evaluations/${p.nip}/rating`, { nip: RATER_OF.get(p.nip)! }, {});
      }),
    );
    const flagged = await waitForCycle((s) => s.cycle.stage === 'CALIBRATION' && (s.cycle.calibration?.flags ?? []).length > 0, 'calibration flags');
    const flags: { unitId: string }[] = flagged.cycle.calibration.flags;

    // ── Evaluations: the CSV and the report through the session.
    await open(`/hr/siklus/${cycleId}/evaluasi`);
    await page.getByRole('link', { name: CAMAT.name }).waitFor();
    await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'Sekretariat Kecamatan Asemrowo' });
    await page.getByLabel('Predikat').selectOption('BAIK');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.getByRole('link', { name: CAMAT.name }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: LATE.name }).waitFor();
    expect(await page.locator('table.data tbody tr').count()).toBe(STAFF.length + 1);
    await shoot('04-evaluasi');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.trim().split(/\r?\n/)).toHaveLength(1 + IN_CYCLE.length);
    expect(csv).toContain(LATE.nip);
    await page.getByText(/Berkas .*\.csv diunduh\./).waitFor();

    const [report] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Buka laporan siklus' }).click()]);
    report.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) cspErrors.push(msg.text());
    });
    await report.locator('h1').first().waitFor();
    expect(report.url()).toBe('about:blank');
    expect(await report.locator('h1').first().innerText()).toContain(String(YEAR));
    // The report's stylesheet is in (a constructed stylesheet: the app's CSP allows no inline <style>).
    expect(await report.evaluate(() => document.adoptedStyleSheets.reduce((n, s) => n + s.cssRules.length, 0))).toBeGreaterThan(10);
    await report.setViewportSize({ width: 1280, height: 900 });
    await report.screenshot({ path: resultPath('hr-console', '05-laporan-1280.png'), fullPage: true });
    expect(cspErrors).toEqual([]);
    await report.close();

    // One evaluation with its audit trail.
    await page.getByRole('link', { name: LATE.name }).click();
    await page.getByRole('heading', { name: 'Jejak audit' }).waitFor();
    await page.getByText('SKP diajukan').first().waitFor();
    await shoot('06-evaluasi-rinci');

    // ── Calibration: each flag resolved with a reason (an empty one first).
    await open(`/hr/siklus/${cycleId}/kalibrasi`);
    await page.getByRole('heading', { name: 'Catatan kalibrasi' }).waitFor();
    await shoot('07-kalibrasi');
    const first = page.locator('form').first();
    await first.getByRole('button', { name: 'Selesaikan catatan' }).click();
    await first.locator('.error-summary').getByText('Tuliskan alasannya.').waitFor();
    for (let i = 0; i < flags.length; i++) {
      const form = page.locator('form').first();
      await form.getByLabel('Alasan penyelesaian').fill('Kantor kecil; sebaran sesuai kinerja nyata, dibahas dengan Camat.');
      await form.getByRole('button', { name: 'Selesaikan catatan' }).click();
      await page.getByText(/Catatan kalibrasi .* diselesaikan\./).waitFor();
      await expect.poll(() => page.locator('form').count()).toBe(flags.length - i - 1);
    }
    await shoot('08-kalibrasi-selesai');
    const after = await waitForCycle((s) => s.cycle.stage !== 'CALIBRATION', 'the end of calibration');
    expect(after.cycle.calibration.flags.every((f: any) => f.resolved && f.resolution.reason.startsWith('Kantor kecil'))).toBe(true);
    expect((await getEvaluation(cycleId, LATE.nip))?.status).not.toBe('SKP_DRAFT');

    // English: the overview in English.
    await open(`/hr/siklus/${cycleId}`);
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByRole('heading', { name: /Stage overview|Ikhtisar/ })
      .first()
      .waitFor();
    await shoot('09-ikhtisar-en');

    expect(screens.problems, screens.problems.join('\n')).toEqual([]);
    expect(screens.shots.length).toBe(16);
  }, 180_000);
});
