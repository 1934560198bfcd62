/**
 * The web app in Chromium against the local stack: a small cycle (a Camat, a Sekcam rating two staff,
 * an external superior) driven through the app's screens. The scenario's people act in the browser;
 * everyone else acts over the same HTTP API (their own tokens), so the stages move on.
 *
 * An employee writes and submits an SKP picking the superior's RHK (the form first shows its error
 * summary), the rater returns it with a reason, the employee fixes and resubmits, the rater approves;
 * the employee records progress with an evidence file (when the platform's evidence routes exist) and a
 * link; the rater gives the periodic review and invites a colleague, who gives 360° feedback; the rater
 * rates against the engine's proposal (a departure needs a reason); the approver approves all; the
 * employee sees the result and files an objection. Every screen is shot at 390 and 1280 px into
 * test-results/web-app/ and checked with axe-core (no serious or critical violation).
 *
 * The local stack serves the built app on the API's origin (as CloudFront does in AWS) with its
 * /config.json, and its OIDC provider's sign-in page: each person signs in by picking themself there
 * (authorization code + PKCE through oidc-client-ts, the same code as against Cognito).
 */
import '../../local/sfn/polyfill';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { ApiClient } from '../../local/people';
import { type LocalStack, startLocalStack } from '../../local/stack';
import { getEvaluation, putEmployee, putUnit } from '../../shared/adapters/dynamodb/repository';
import { buildWeb, type WebBuild } from '../../web/build';
import { chromiumAvailable, launchChromium, resultPath } from '../support/browser';
import { screenChecks, signIn, simpleSkp } from '../support/web-app';

const hasChromium = chromiumAvailable('test/e2e/web-app');
const YEAR = 2026;

const P = {
  sekda: { nip: '196901281995031005', name: 'Drs. Bambang Suryo Atmodjo, M.Si.', jabatan: 'Sekretaris Daerah Kota Surabaya' },
  camat: { nip: '197704202004011003', name: 'Moch. Ridwan Hakim, S.STP., M.Si.', jabatan: 'Camat Asemrowo' },
  sekcam: { nip: '198010102003012007', name: 'Endang Sri Rahayu, S.Sos., M.M.', jabatan: 'Sekretaris Kecamatan' },
  emp: { nip: '199201072017041010', name: 'Dimas Arya Pratama, S.Kom.', jabatan: 'Pranata Komputer Ahli Pertama' },
  peer: { nip: '199810092023032003', name: 'Nurul Fadilah, S.Psi.', jabatan: 'Analis SDM Aparatur Ahli Pertama' },
};
type Who = keyof typeof P;

describe.skipIf(!hasChromium)('the web app, a small cycle in Chromium', () => {
  let stack: LocalStack;
  let web: WebBuild;
  let browser: Browser;
  let api: ApiClient;
  const cycleId = `kec-asemrowo-${YEAR}`;
  const hr = { nip: P.sekda.nip, roles: ['hr', 'employee'] as ('hr' | 'employee')[] };
  const pages = new Map<Who, Page>();
  const browserErrors = new Map<Who, string[]>();

  beforeAll(async () => {
    const workDir = mkdtempSync(path.join(tmpdir(), 'asn-web-'));
    web = await buildWeb(path.join(workDir, 'web'));
    stack = await startLocalStack({ workDir, timeScale: 5e-5, webDir: web.outDir });
    const agency = stack.agencyId;
    await putUnit(agency, { unitId: 'kec-asemrowo', name: 'Kecamatan Asemrowo', headNip: P.camat.nip });
    await putUnit(agency, { unitId: 'sekretariat', name: 'Sekretariat Kecamatan Asemrowo', parentUnitId: 'kec-asemrowo', headNip: P.sekcam.nip });
    const base = { email: '', locale: 'id' as const, competencies: ['manajemen-kinerja'], jenis: 'PNS' as const };
    await putEmployee(agency, { ...P.sekda, ...base, email: 'sekda@example.go.id', unitId: 'pemkot', isUnitHead: false, external: true });
    await putEmployee(agency, { ...P.camat, ...base, email: 'camat@example.go.id', unitId: 'kec-asemrowo', raterNip: P.sekda.nip, isUnitHead: true });
    await putEmployee(agency, { ...P.sekcam, ...base, email: 'sekcam@example.go.id', unitId: 'sekretariat', raterNip: P.camat.nip, isUnitHead: true });
    await putEmployee(agency, { ...P.emp, ...base, email: 'dimas@example.go.id', unitId: 'sekretariat', raterNip: P.sekcam.nip, isUnitHead: false });
    await putEmployee(agency, { ...P.peer, ...base, email: 'nurul@example.go.id', unitId: 'sekretariat', raterNip: P.sekcam.nip, isUnitHead: false });
    api = new ApiClient(stack.apiUrl, (nip, roles) => stack.token(nip, roles));
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** One browser context per person, signed in through the local stack's OIDC sign-in page (code + PKCE). */
  async function pageOf(who: Who): Promise<Page> {
    const existing = pages.get(who);
    if (existing) return existing;
    const { page, errors } = await signIn(browser, stack.webUrl, P[who].name);
    browserErrors.set(who, errors);
    pages.set(who, page);
    return page;
  }

  async function open(who: Who, appPath: string): Promise<Page> {
    const page = await pageOf(who);
    await page.goto(`${stack.webUrl}${appPath}`);
    await page.locator('h1').first().waitFor();
    await page.locator('.loading').first().waitFor({ state: 'detached' });
    return page;
  }

  const screens = screenChecks('web-app');
  async function shoot(page: Page, name: string) {
    mark(`shoot ${name}`);
    await screens.shoot(page, name);
  }

  const summary = () => api.expect('GET', `/v1/cycles/${cycleId}`, hr);
  const t0 = Date.now();
  const mark = (what: string) => process.env.WEB_APP_TIMING && console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${what}`);
  async function atStage(stage: string) {
    mark(`waiting for ${stage}`);
    const until = Date.now() + 150_000;
    for (;;) {
      const s = await summary();
      if (s.cycle.failure) throw new Error(`cycle failed: ${JSON.stringify(s.cycle.failure)}`);
      if (s.cycle.stage === stage && s.stages.find((x: any) => x.stage === stage)?.readyAt) {
        mark(`${stage} ready`);
        return s;
      }
      if (Date.now() > until) throw new Error(`timed out waiting for ${stage} (at ${s.cycle.stage})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  /** A decision for `who` about `subject`, decided over the session API (as the app does). */
  async function decideAs(who: Who, subject: Who, decision: 'approve' | 'return' = 'approve') {
    const until = Date.now() + 60_000;
    for (;;) {
      const list = await api.expect('GET', `/v1/me/decisions?cycleId=${cycleId}`, { nip: P[who].nip });
      const d = list.items.find((x: any) => x.subject.nip === P[subject].nip);
      if (d)
        return api.expect('POST', `/v1/me/decisions/${d.decisionId}`, { nip: P[who].nip }, { decision, comment: decision === 'return' ? 'Perbaiki.' : '' });
      if (Date.now() > until) throw new Error(`no decision for ${who} about ${subject}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const status = async (who: Who) => (await getEvaluation(cycleId, P[who].nip))?.status;

  it('drives planning to the result and an objection through the app', async () => {
    // On a failure, what each person's screen showed and where the cycle stood (a waited-for text that never
    // came is otherwise only a timeout).
    onTestFailed(async () => {
      const cycle = await summary().catch((e: unknown) => String(e));
      console.error(`cycle: ${JSON.stringify(cycle?.cycle ?? cycle)}`);
      for (const [who, errors] of browserErrors) console.error(`browser errors of ${who}:\n${errors.join('\n')}`);
      for (const [who, page] of pages) {
        const text = await page
          .locator('main')
          .innerText({ timeout: 5_000 })
          .catch((e: unknown) => String(e));
        console.error(`── ${who} at ${page.url()}\n${text}`);
        await page.screenshot({ path: resultPath('web-app', `failure-${who}.png`), fullPage: true }).catch(() => undefined);
      }
    });
    await api.expect('POST', '/v1/cycles', hr, { year: YEAR, orgPredikat: 'BAIK' });
    await atStage('PLANNING');

    // ── Planning: the superiors' SKPs over the API, top-down.
    await api.expect(
      'PUT',
      `/v1/cycles/${cycleId}/evaluations/${P.camat.nip}/skp`,
      { nip: P.camat.nip },
      simpleSkp(P.camat.nip, YEAR, 'Meningkatnya kualitas pelayanan publik kecamatan'),
    );
    await decideAs('sekda', 'camat');
    await api.expect(
      'PUT',
      `/v1/cycles/${cycleId}/evaluations/${P.sekcam.nip}/skp`,
      { nip: P.sekcam.nip },
      simpleSkp(P.sekcam.nip, YEAR, 'Terselenggaranya layanan administrasi kecamatan yang tertib', 'rhk-1'),
    );
    await decideAs('camat', 'sekcam');
    await api.expect(
      'PUT',
      `/v1/cycles/${cycleId}/evaluations/${P.peer.nip}/skp`,
      { nip: P.peer.nip },
      simpleSkp(P.peer.nip, YEAR, 'Tersusunnya data kepegawaian', 'rhk-1'),
    );
    await decideAs('sekcam', 'peer');

    // Beranda: the employee sees their SKP waiting, the stage and its deadline in WIB.
    let page = await open('emp', '/');
    await page.getByText('Susun dan ajukan SKP Anda').waitFor();
    expect(await page.locator('main').innerText()).toMatch(/WIB/);
    await shoot(page, '01-beranda-pegawai');

    // SKP editor: submitting empty shows the error summary, each message beside its field.
    page = await open('emp', `/siklus/${cycleId}/skp`);
    await page.getByRole('button', { name: 'Ajukan SKP' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.field-error').count()).toBeGreaterThanOrEqual(3);
    await shoot(page, '02-skp-galat');
    await page.getByLabel('Uraian RHK').fill('Tersedianya layanan aplikasi kecamatan yang andal');
    await page.getByLabel('RHK atasan yang didukung (intervensi)').selectOption({ label: 'Terselenggaranya layanan administrasi kecamatan yang tertib' });
    await page.getByLabel('Uraian indikator').fill('Ketersediaan layanan aplikasi');
    await page.getByLabel('Target', { exact: true }).fill('95');
    await page.getByLabel('Satuan').fill('persen');
    await page.getByRole('button', { name: 'Ajukan SKP' }).click();
    await page.getByText('SKP diajukan.').waitFor();
    expect(await status('emp')).toBe('SKP_SUBMITTED');

    // The rater sees the parent RHK's text (not its id) and returns the SKP with a reason.
    page = await open('sekcam', `/siklus/${cycleId}/tim/${P.emp.nip}`);
    await page.getByText('Mendukung: Terselenggaranya layanan administrasi kecamatan yang tertib').waitFor();
    await page.getByRole('button', { name: 'Kembalikan SKP' }).click();
    await page.locator('.error-summary').getByText('Tuliskan alasannya').waitFor();
    await page.getByLabel('Alasan pengembalian').fill('Target ketersediaan dibuat 99 persen sesuai standar layanan.');
    await shoot(page, '03-tim-anggota-skp');
    await page.getByRole('button', { name: 'Kembalikan SKP' }).click();
    await page.getByText('SKP dikembalikan dengan alasan Anda').waitFor();
    expect(await status('emp')).toBe('SKP_RETURNED');

    // The employee sees the reason beside the form, fixes and resubmits.
    page = await open('emp', `/siklus/${cycleId}/skp`);
    await page.getByText('Alasan: Target ketersediaan dibuat 99 persen sesuai standar layanan.').waitFor();
    await shoot(page, '04-skp-dikembalikan');
    await page.getByLabel('Target', { exact: true }).fill('99');
    await page.getByRole('button', { name: 'Ajukan SKP' }).click();
    await page.getByText('SKP diajukan.').waitFor();

    // The rater approves (the team list first).
    page = await open('sekcam', `/siklus/${cycleId}/tim`);
    await page.getByRole('link', { name: P.emp.name }).waitFor();
    await shoot(page, '05-tim');
    await page.getByRole('link', { name: P.emp.name }).click();
    await page.getByRole('button', { name: 'Setujui SKP' }).click();
    await page.getByText('SKP disetujui.').waitFor();
    const approved = await getEvaluation(cycleId, P.emp.nip);
    // Approved; the last approval of planning closes it, so the mid-year stage may already have opened the evaluation.
    expect(['SKP_APPROVED', 'MONITORING']).toContain(approved?.status);
    expect(approved?.skp?.rhk[0]?.parentRhkId).toBe('rhk-1');
    expect((approved?.skp?.rhk[0]?.indicators[0]?.target as { value: number }).value).toBe(99);

    // ── Mid-year: progress with evidence, the periodic review, the 360° invitation and feedback.
    await atStage('MIDYEAR');
    page = await open('emp', `/siklus/${cycleId}/progres`);
    await page.getByLabel('Realisasi (persen)').fill('97');
    await page.getByLabel('Tautan bukti dukung (satu per baris)').fill('https://kecamatan.example.go.id/laporan/uptime-semester-1');
    const pdf = Buffer.from('%PDF-1.4\n% laporan ketersediaan layanan semester 1\n');
    await page.getByLabel('Unggah berkas bukti dukung').setInputFiles({ name: 'laporan-uptime.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByText('Berkas terunggah: laporan-uptime.pdf').waitFor();
    await page.getByRole('button', { name: 'Simpan realisasi' }).click();
    await page.getByText('Realisasi tersimpan.').waitFor();
    await shoot(page, '06-progres');
    const progress = (await getEvaluation(cycleId, P.emp.nip))?.progress;
    expect(progress?.[0]?.value).toBe(97);
    expect(progress?.[0]?.evidence?.some((x) => x.startsWith('https://'))).toBe(true);
    const ref = progress?.[0]?.evidence?.find((x) => x.startsWith('evidence:'));
    expect(ref).toBeDefined();
    // The file is in storage, listed for the rater with a download URL that gives its bytes back.
    const listed = await api.expect('GET', `/v1/cycles/${cycleId}/evaluations/${P.emp.nip}/evidence`, { nip: P.sekcam.nip });
    const file = listed.items.find((i: any) => `evidence:${i.evidenceId}` === ref);
    expect(file).toMatchObject({ kind: 'file', fileName: 'laporan-uptime.pdf', indicatorId: 'iki-1-1' });
    expect(Buffer.from(await (await fetch(file.downloadUrl)).arrayBuffer()).equals(pdf)).toBe(true);

    page = await open('sekcam', `/siklus/${cycleId}/tim/${P.emp.nip}`);
    await page.getByLabel('Catatan pembinaan (coaching)').fill('Capaian baik; dokumentasikan gangguan layanan dan waktu pemulihannya.');
    await page.getByRole('button', { name: 'Simpan evaluasi berkala' }).click();
    await page.getByRole('heading', { name: 'Undang rekan untuk umpan balik 360°' }).waitFor();
    await page.getByLabel(P.peer.name).check();
    await page.getByRole('button', { name: 'Kirim undangan' }).click();
    await page.getByText(`Diundang: ${P.peer.name}`).waitFor();
    expect(await status('emp')).toBe('MIDYEAR_REVIEWED');

    page = await open('peer', '/');
    await page.getByRole('link', { name: `Beri umpan balik untuk ${P.emp.name}` }).click();
    await page.getByRole('heading', { name: `Umpan balik untuk ${P.emp.name}` }).waitFor();
    await page.getByRole('radiogroup', { name: 'Kompeten' }).getByLabel('Di Atas Ekspektasi').check();
    await shoot(page, '07-umpan-balik');
    await page.getByRole('button', { name: 'Kirim umpan balik' }).click();
    await page.getByText('Umpan balik Anda tersimpan').waitFor();
    expect(Object.keys((await getEvaluation(cycleId, P.emp.nip))?.feedback ?? {})).toContain(P.peer.nip);

    // The others' progress and reviews over the API.
    for (const who of ['camat', 'sekcam', 'peer'] as const)
      await api.expect(
        'PUT',
        `/v1/cycles/${cycleId}/evaluations/${P[who].nip}/progress`,
        { nip: P[who].nip },
        { realisations: [{ indicatorId: 'iki-1-1', value: 90 }] },
      );
    for (const [rater, who] of [
      ['sekda', 'camat'],
      ['camat', 'sekcam'],
      ['sekcam', 'peer'],
    ] as const)
      await api.expect(
        'PUT',
        `/v1/cycles/${cycleId}/evaluations/${P[who].nip}/midyear-review`,
        { nip: P[rater].nip },
        { rating: 'SESUAI', notes: 'Sesuai rencana.' },
      );

    // ── Final scoring: realisations, then the rating against the engine's proposal.
    await atStage('FINAL_SCORING');
    for (const who of ['camat', 'sekcam', 'peer', 'emp'] as const)
      await api.expect(
        'PUT',
        `/v1/cycles/${cycleId}/evaluations/${P[who].nip}/progress`,
        { nip: P[who].nip },
        { realisations: [{ indicatorId: 'iki-1-1', value: 99 }] },
      );
    page = await open('sekcam', `/siklus/${cycleId}/tim/${P.emp.nip}`);
    await page.getByText('Usulan sistem: Sesuai Ekspektasi').first().waitFor();
    await page.getByLabel('Penilaian RHK 1').selectOption('DI_ATAS');
    await page.getByRole('button', { name: 'Simpan penilaian' }).click();
    await page.locator('.error-summary').getByText('Tuliskan alasan karena berbeda dari usulan sistem').waitFor();
    await shoot(page, '08-penilaian');
    await page.locator('#f-rhkRatings-0-reason').fill('Layanan tetap tersedia selama migrasi server; melampaui ekspektasi.');
    await page.getByRole('button', { name: 'Simpan penilaian' }).click();
    await page.getByText('Penilaian tersimpan.').waitFor();
    expect(await status('emp')).toBe('RATED');
    for (const [rater, who] of [
      ['sekda', 'camat'],
      ['camat', 'sekcam'],
      ['sekcam', 'peer'],
    ] as const)
      await api.expect('PUT', `/v1/cycles/${cycleId}/evaluations/${P[who].nip}/rating`, { nip: P[rater].nip }, {});

    // ── Calibration: HR resolves any flag of this small office.
    for (;;) {
      const s = await summary();
      if (s.cycle.stage !== 'CALIBRATION' && s.cycle.stage !== 'FINAL_SCORING') break;
      for (const flag of (s.cycle.calibration?.flags ?? []).filter((f: any) => !f.resolved))
        await api.call('POST', `/v1/cycles/${cycleId}/calibration/${flag.unitId}/resolution`, hr, { reason: 'Kantor kecil; sebaran sesuai kinerja nyata.' });
      await new Promise((r) => setTimeout(r, 50));
    }

    // ── Approval: the Camat approves all from the app; the Sekda's own items over the API.
    await atStage('APPROVAL');
    page = await open('camat', '/keputusan');
    await page.getByRole('button', { name: 'Setujui semua (2)' }).waitFor();
    await shoot(page, '09-keputusan');
    await page.getByRole('button', { name: 'Setujui semua (2)' }).click();
    await page.getByText('2 keputusan disetujui.').waitFor();
    expect(await status('emp')).toBe('APPROVED');
    expect(await status('peer')).toBe('APPROVED');
    const sekdaItems = await api.expect('GET', `/v1/me/decisions?cycleId=${cycleId}`, { nip: P.sekda.nip });
    await api.expect('POST', '/v1/me/decisions/approve-all', { nip: P.sekda.nip }, { decisionIds: sekdaItems.items.map((d: any) => d.decisionId) });

    // ── Objection window: the employee sees the result and objects.
    await atStage('OBJECTION');
    page = await open('emp', '/');
    await shoot(page, '10-beranda-hasil');
    page = await open('emp', `/siklus/${cycleId}/hasil`);
    await page.getByText('Predikat kinerja').waitFor();
    await shoot(page, '11-hasil');
    await page.getByLabel('Alasan keberatan').fill('Ketersediaan layanan 99 persen tercapai di tengah migrasi server; mohon predikat ditinjau.');
    await page.getByLabel('Predikat yang Anda minta (opsional)').selectOption('SANGAT_BAIK');
    await page.getByRole('button', { name: 'Ajukan keberatan' }).click();
    await page.getByText('Keberatan Anda: menunggu keputusan').waitFor();
    const objected = await getEvaluation(cycleId, P.emp.nip);
    expect(objected?.status).toBe('OBJECTED');
    expect(objected?.objection?.requestedPredikat).toBe('SANGAT_BAIK');

    // English switch: the same screen in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My result' }).waitFor();
    await shoot(page, '12-result-en');

    expect(screens.problems, screens.problems.join('\n')).toEqual([]);
    expect(screens.shots.length).toBeGreaterThanOrEqual(24);
  }, 480_000);
});
