/**
 * A citizen at the counter, in Chromium on the local stack: HR's poster carries a QR code of the unit's
 * survey URL; the citizen opens that URL on a 360 px phone, makes a mistake (markup in the comment) and
 * sees it beside the field in Indonesian, answers, and lands on the thank-you page; HR approves the
 * comment through the existing moderation API; the public IKM page then counts the new respondent and
 * shows the comment. axe-core finds nothing serious or critical on any page; no page scrolls sideways
 * at 360 px. Screenshots in test-results/citizen-survey/.
 *
 * Skipped, with a message, when /usr/bin/chromium is missing (`sudo apt-get install -y chromium`).
 */
import '../../local/sfn/polyfill';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRoster } from '../../local/run-cycle';
import { loadSampleAgency } from '../../local/sample/schema';
import { type LocalStack, startLocalStack } from '../../local/stack';
import { qrSvg } from '../../shared/adapters/render/survey/qr';
import { chromiumAvailable, launchChromium, resultPath } from '../support/browser';

const hasChromium = chromiumAvailable('test/e2e/citizen-survey');
const sample = loadSampleAgency('local/sample/asemrowo.json');
const UNIT = 'kel-asemrowo';
const hr = sample.employees.find((e) => /Subbagian Umum/i.test(e.jabatan) && e.isUnitHead)!;
const COMMENT = 'Antrean rapi dan petugas loket sangat membantu.';

describe.skipIf(!hasChromium)('the citizen survey in Chromium (local stack)', () => {
  let stack: LocalStack;
  let browser: Browser;
  let hrToken: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startLocalStack({ workDir: mkdtempSync(path.join(tmpdir(), 'asn-citizen-')), timeScale: 1e-5 }), launchChromium()]);
    await seedRoster(sample);
    hrToken = await stack.token(hr.nip, ['hr', 'employee'], hr.name);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function expectAccessible(page: Page, name: string) {
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      name,
    ).toEqual([]);
  }
  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  const respondents = async (page: Page) => {
    const n = page.locator('[data-figure="respondents"]');
    return (await n.count()) ? Number((await n.innerText()).replace(/\D/g, '')) : 0;
  };

  it('poster → QR URL → survey on a phone → thank-you → HR moderation → the IKM page counts it', async () => {
    // 1. HR prints the poster: its QR code encodes the unit's survey URL (the same SVG as a QR of that URL).
    const desk = await browser.newContext({ viewport: { width: 794, height: 1123 }, locale: 'id-ID' });
    const poster = await desk.newPage();
    const posterRes = await poster.goto(`${stack.apiUrl}/v1/public/units/${UNIT}/poster`);
    expect(posterRes?.status()).toBe(200);
    const surveyUrl = (await poster.locator('.poster .url').innerText()).split('\n').pop()!.trim();
    expect(surveyUrl).toBe(`${stack.apiUrl}/v1/public/units/${UNIT}/survey`);
    const pathOf = (svg: string) => /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
    expect(pathOf(await poster.locator('svg.qr').evaluate((e) => e.outerHTML))).toBe(pathOf(qrSvg(surveyUrl)));
    await expectAccessible(poster, 'poster');
    await poster.screenshot({ path: resultPath('citizen-survey', 'poster.png'), fullPage: true });
    await poster.emulateMedia({ media: 'print' });
    await poster.screenshot({ path: resultPath('citizen-survey', 'poster-print.png'), fullPage: true });

    // The public IKM page before: the count to beat.
    const ikmPage = await desk.newPage();
    await ikmPage.goto(`${stack.apiUrl}/v1/public/units/${UNIT}/ikm.html`);
    const before = await respondents(ikmPage);

    // 2. A citizen scans in: the survey on a 360 px phone, in Indonesian.
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' });
    const page = await phone.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    expect((await page.goto(surveyUrl))?.status()).toBe(200);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('id');
    expect(await page.locator('fieldset.q').count()).toBe(9);
    expect(await noSidewaysScroll(page)).toBe(true);
    await expectAccessible(page, 'survey');
    await page.screenshot({ path: resultPath('citizen-survey', 'survey.png'), fullPage: true });

    const answers = [4, 3, 4, 4, 3, 4, 4, 3, 4];
    for (const [i, a] of answers.entries()) await page.locator(`#u${i + 1}-${a}`).check();
    // A mistake: markup in the comment → the form comes back with the error beside the field, answers kept.
    await page.locator('#comment').fill('<b>bagus</b>');
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await expect.poll(() => page.locator('#comment-err').count()).toBe(1);
    expect(await page.locator('#comment-err').innerText()).toContain('tidak boleh berisi tag HTML');
    expect(await page.locator('#u1-4').isChecked()).toBe(true);
    await expectAccessible(page, 'survey with an error');
    await page.screenshot({ path: resultPath('citizen-survey', 'survey-error.png'), fullPage: true });
    // The form came back with status 400 on purpose: Chromium logs that document's status as an error.
    expect(problems.splice(0)).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);

    await page.locator('#comment').fill(COMMENT);
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.waitForURL(/\/survey\/thanks\?/);
    expect(await page.locator('h1').innerText()).toBe('Terima kasih');
    expect(await noSidewaysScroll(page)).toBe(true);
    await expectAccessible(page, 'thank-you');
    await page.screenshot({ path: resultPath('citizen-survey', 'thank-you.png'), fullPage: true });
    expect(problems).toEqual([]);

    // 3. HR moderates through the existing API: the pending comment of the unit is approved.
    const auth = { authorization: `Bearer ${hrToken}` };
    const queue = await fetch(`${stack.apiUrl}/v1/skm/comments?status=PENDING&unitId=${UNIT}`, { headers: auth }).then((r) => r.json() as Promise<any>);
    const mine = queue.items.find((c: { text: string }) => c.text === COMMENT);
    expect(mine).toBeDefined();
    const moderated = await fetch(`${stack.apiUrl}/v1/skm/comments/${mine.commentId}/moderation`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'approve' }),
    });
    expect(moderated.status).toBe(200);

    // 4. The public IKM page (on the phone) counts the new respondent and shows the approved comment.
    await page.getByRole('link', { name: 'Lihat hasil survei unit ini' }).click();
    await page.waitForURL(/\/ikm\.html/);
    expect(await respondents(page)).toBe(before + 1);
    expect(await page.locator('.comments').innerText()).toContain(COMMENT);
    expect(await page.locator('table.nrr tbody tr').count()).toBe(9);
    expect(await noSidewaysScroll(page)).toBe(true);
    await expectAccessible(page, 'IKM page');
    await page.screenshot({ path: resultPath('citizen-survey', 'ikm.png'), fullPage: true });

    // The English switch works without a script.
    await page.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toBe('Citizen satisfaction survey results');
    await Promise.all([desk.close(), phone.close()]);
  });
});
