/**
 * The HR console's roster, survey and rater-bias screens in Chromium, on the local stack serving the
 * built app (sign-in through the local OIDC page, code + PKCE):
 * - HR uploads a roster CSV with one bad row, sees that row's error in the preview (nothing stored),
 *   leaves the row out, checks again and imports the good rows;
 * - HR opens a unit's QR poster from the console; a citizen opens the URL its QR code encodes and answers
 *   the survey on a 360 px phone; HR approves the comment in the console's queue; the public IKM page
 *   counts the new respondent and shows the comment;
 * - HR reads the rater-bias analysis of a cycle holding the sample's scored evaluations (the lenient
 *   Kasi Kesra flagged, nobody's rating changed) and acknowledges the flag with a note.
 * Every console screen is shot at 390 and 1280 px into test-results/hr-roster/ and checked with axe-core
 * (no serious or critical violation).
 *
 * Skipped, with a message, when /usr/bin/chromium is missing (`sudo apt-get install -y chromium`).
 */
import '../../local/sfn/polyfill';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRoster } from '../../local/run-cycle';
import { loadSampleAgency } from '../../local/sample/schema';
import { type LocalStack, startLocalStack } from '../../local/stack';
import { createCycle } from '../../shared/adapters/dynamodb/cycles';
import { createEvaluationsTogether, getEvaluation } from '../../shared/adapters/dynamodb/evaluations';
import { getEmployee } from '../../shared/adapters/dynamodb/roster';
import { qrSvg } from '../../shared/adapters/render/survey/qr';
import type { CycleRecord } from '../../shared/domain/records';
import { buildWeb } from '../../web/build';
import { chromiumAvailable, launchChromium, resultPath } from '../support/browser';
import { screenChecks, signIn } from '../support/web-app';
import { CYCLE_ID, sampleEvaluations } from '../unit/report/fixtures';

const hasChromium = chromiumAvailable('test/e2e/hr-roster');
const sample = loadSampleAgency('local/sample/asemrowo.json');
const UNIT = 'kel-asemrowo';
const hr = sample.employees.find((e) => /Subbagian Umum/i.test(e.jabatan) && e.isUnitHead)!;
const KASI_KESRA = sample.employees.find((e) => e.jabatan === 'Kepala Seksi Kesejahteraan Rakyat')!;
const COMMENT = 'Petugas loket ramah, antrean cepat dan jelas.';
const OUT = 'hr-roster';

/** A roster file of a new kelurahan office: an external official, its head, two staff, and one bad NIP. */
const CSV = [
  'NIP;Nama;Jabatan;Kode Unit;Nama Unit;NIP Atasan;Email;Jenis;Kepala Unit;Eksternal',
  '196805121990031005;Dr. Ikhsan, S.Psi., M.M.;Sekretaris Daerah Kota Surabaya;pemkot-surabaya;Pemerintah Kota Surabaya;;sekda@surabaya.go.id;PNS;ya;ya',
  '197811122005011004;Rahmat Hidayat, S.STP.;Lurah Kalianak;kel-kalianak;Kelurahan Kalianak;196805121990031005;lurah.kalianak@example.go.id;PNS;ya;tidak',
  '199106152019032011;Wulan Sari;Pengadministrasi Umum;kel-kalianak;Kelurahan Kalianak;197811122005011004;wulan@example.go.id;PNS;tidak;tidak',
  '199512202022021003;Fajar Nugroho;Pengelola Layanan;kel-kalianak;Kelurahan Kalianak;197811122005011004;fajar@example.go.id;PPPK;tidak;tidak',
  '1990;Bayu Salah;Staf;kel-kalianak;Kelurahan Kalianak;197811122005011004;bayu@example.go.id;PNS;tidak;tidak',
  '',
].join('\r\n');

describe.skipIf(!hasChromium)('the HR console: roster import, survey moderation, rater bias (Chromium, local stack)', () => {
  let stack: LocalStack;
  let browser: Browser;
  let hrPage: Page;

  beforeAll(async () => {
    const workDir = mkdtempSync(path.join(tmpdir(), 'asn-hr-roster-'));
    // The stack serves the app's files as they are at each request: build, stack and browser start together.
    const webDir = path.join(workDir, 'web');
    [, browser, stack] = await Promise.all([buildWeb(webDir), launchChromium(), startLocalStack({ workDir, timeScale: 1e-5, webDir })]);
    await seedRoster(sample);
    // A finished cycle holding the sample's evaluations as the engine scores them (the rater-bias screen reads them).
    const evaluations = sampleEvaluations();
    await createCycle({
      cycleId: CYCLE_ID,
      agencyId: sample.agencyId,
      year: sample.year,
      policyId: evaluations[0]!.policyId,
      stage: 'FOLLOW_UP',
      status: 'COMPLETED',
    } as unknown as CycleRecord);
    for (let i = 0; i < evaluations.length; i += 10)
      await createEvaluationsTogether(
        evaluations.slice(i, i + 10).map((e) => ({
          e,
          audit: { eventId: `seed-${e.nip}`, at: '2027-02-10T01:00:00.000Z', actor: { nip: hr.nip, role: 'hr' }, action: 'SEED' } as never,
        })),
      );
    // HR signs in on the local OIDC page (authorization code + PKCE through oidc-client-ts).
    ({ page: hrPage } = await signIn(browser, stack.webUrl, hr.name));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const screens = screenChecks(OUT);
  const shoot = screens.shoot;
  const open = async (appPath: string, title: string) => {
    await hrPage.goto(`${stack.webUrl}${appPath}`);
    await hrPage.getByRole('heading', { level: 1, name: title }).waitFor();
  };

  it('roster CSV: the bad row’s error in the preview, then the good rows imported', async () => {
    await open('/hr/pegawai', 'Data pegawai');
    await hrPage.locator('#f-roster-file').setInputFiles({ name: 'pegawai-kalianak.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    await hrPage.getByRole('button', { name: 'Periksa berkas' }).click();
    const preview = hrPage.locator('#roster-preview');
    await preview.getByText('1 baris bermasalah', { exact: true }).waitFor();
    expect(await hrPage.locator('#row-6').innerText()).toMatch(/Baris 6[\s\S]*NIP harus terdiri atas 18 angka \(tertulis "1990"\)/);
    expect(await preview.innerText()).toContain('4 pegawai siap diimpor: 4 baru, 0 berubah, 0 tetap');
    // The preview wrote nothing, and no import button is offered while a row is bad.
    expect(await getEmployee(sample.agencyId, '199106152019032011')).toBeUndefined();
    expect(await hrPage.getByRole('button', { name: /^Impor / }).count()).toBe(0);
    await shoot(hrPage, 'roster-preview');

    await hrPage.getByRole('button', { name: 'Lewati 1 baris bermasalah dan periksa lagi' }).click();
    await preview.getByText('Baris yang dilewati: 6').waitFor();
    await hrPage.getByRole('button', { name: 'Impor 4 pegawai' }).click();
    await hrPage.getByRole('status').getByText('Data pegawai diimpor: 4 pegawai, 2 unit.').waitFor();
    expect(await getEmployee(sample.agencyId, '199106152019032011')).toMatchObject({
      name: 'Wulan Sari',
      unitId: 'kel-kalianak',
      raterNip: '197811122005011004',
    });
    expect(await getEmployee(sample.agencyId, '199512202022021003')).toMatchObject({ jenis: 'PPPK' });
    // The new people can be picked by name at once (the roster is read again after the import).
    await hrPage.locator('#f-transfer-nip-q').fill('wulan');
    expect(await hrPage.locator('#f-transfer-nip option').allInnerTexts()).toContain('Wulan Sari — Pengadministrasi Umum · Kelurahan Kalianak');
    await shoot(hrPage, 'roster-imported');
  });

  it('poster QR → survey on a 360 px phone → moderation in the console → the IKM page counts it', async () => {
    await open('/hr/skm', 'Survei kepuasan masyarakat');
    const posterHref = await hrPage.getByRole('link', { name: 'Poster QR (A4): Kelurahan Asemrowo' }).getAttribute('href');
    expect(posterHref).toBe(`/v1/public/units/${UNIT}/poster`);
    await shoot(hrPage, 'skm-console');

    const desk = await browser.newContext({ viewport: { width: 794, height: 1123 }, locale: 'id-ID' });
    const poster = await desk.newPage();
    expect((await poster.goto(`${stack.webUrl}${posterHref}`))?.status()).toBe(200);
    const surveyUrl = (await poster.locator('.poster .url').innerText()).split('\n').pop()!.trim();
    // The QR code drawn on the poster is the QR code of that URL (the function that makes it, same output).
    const pathOf = (svg: string) => /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
    expect(pathOf(await poster.locator('svg.qr').evaluate((e) => e.outerHTML))).toBe(pathOf(qrSvg(surveyUrl)));
    const ikmUrl = `${stack.apiUrl}/v1/public/units/${UNIT}/ikm.html`;
    const ikm = await desk.newPage();
    await ikm.goto(ikmUrl);
    const respondents = async (p: Page) => {
      const n = p.locator('[data-figure="respondents"]');
      return (await n.count()) ? Number((await n.innerText()).replace(/\D/g, '')) : 0;
    };
    const before = await respondents(ikm);

    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' });
    const page = await phone.newPage();
    expect((await page.goto(surveyUrl))?.status()).toBe(200);
    for (const [i, a] of [4, 4, 3, 4, 3, 4, 4, 4, 3].entries()) await page.locator(`#u${i + 1}-${a}`).check();
    await page.locator('#comment').fill(COMMENT);
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.waitForURL(/\/survey\/thanks\?/);
    await page.screenshot({ path: resultPath(OUT, 'citizen-thanks-360.png'), fullPage: true });

    // HR moderates in the console: the comment is in the queue, approved with one click.
    await hrPage.reload();
    await hrPage.getByRole('heading', { level: 1, name: 'Survei kepuasan masyarakat' }).waitFor();
    const card = hrPage.locator('li.comment', { hasText: COMMENT });
    await card.waitFor();
    await shoot(hrPage, 'skm-queue');
    await card.getByRole('button', { name: 'Setujui' }).click();
    await hrPage.getByRole('status').getByText('Komentar disetujui.').waitFor();
    expect(await hrPage.locator('li.comment', { hasText: COMMENT }).count()).toBe(0);

    // The public IKM page (on the phone) counts the new respondent and shows the approved comment.
    await page.goto(ikmUrl);
    expect(await respondents(page)).toBe(before + 1);
    expect(await page.locator('.comments').innerText()).toContain(COMMENT);
    await page.screenshot({ path: resultPath(OUT, 'ikm-360.png'), fullPage: true });
    await Promise.all([desk.close(), phone.close()]);
  });

  it('rater bias: the lenient Kasi Kesra flagged with statistic and threshold, acknowledged with a note; no rating changed', async () => {
    const before = await getEvaluation(CYCLE_ID, sample.employees.find((e) => e.raterNip === KASI_KESRA.nip)!.nip);
    await open(`/hr/siklus/${CYCLE_ID}/bias-penilai`, 'Bias penilai');
    await hrPage.getByText('Analisis ini tidak pernah mengubah nilai atau predikat siapa pun.', { exact: false }).waitFor();
    const flagged = hrPage.locator('section.bias', { has: hrPage.getByRole('heading', { name: new RegExp(KASI_KESRA.name.split(',')[0]!) }) });
    await flagged.waitFor();
    expect(await hrPage.getByRole('heading', { level: 2, name: 'Penilai dengan tanda (1)' }).count()).toBe(1);
    const text = await flagged.innerText();
    expect(text).toContain('Kelonggaran (banyak Sangat Baik)');
    expect(text).toMatch(/Ambang: selisih ≥ 25 poin; p ≤ 0,05; tim minimal 5/);
    await shoot(hrPage, 'rater-bias');

    await flagged.getByRole('button', { name: 'Simpan tanggapan' }).click();
    await flagged.getByText('Tuliskan catatannya').first().waitFor();
    await flagged.getByLabel('Catatan').fill('Dibahas dengan Kasi Kesra pada 12 Februari 2027; penilaian tim akan ditinjau bersama Sekcam.');
    await flagged.getByRole('button', { name: 'Simpan tanggapan' }).click();
    await hrPage
      .getByRole('status')
      .getByText(/Tanggapan atas tanda .* tersimpan\./)
      .waitFor();
    await flagged.getByText(/Ditanggapi oleh .*: Dibahas dengan Kasi Kesra/).waitFor();
    const after = await getEvaluation(CYCLE_ID, before!.nip);
    expect(after?.predikat).toBe(before?.predikat);
    expect(after?.version).toBe(before?.version);
    await shoot(hrPage, 'rater-bias-acknowledged');
  });

  it('axe-core: no serious or critical violation on any console screen', () => {
    expect(screens.problems, screens.problems.join('\n')).toEqual([]);
  });
});
