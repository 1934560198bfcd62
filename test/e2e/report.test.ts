/**
 * The cycle report page in a real browser (Debian's Chromium, driven by playwright-core). The report is
 * rendered from a realistic summary of the Asemrowo sample — every plan scored by the domain engine,
 * grouped by unit, calibrated with `checkDistribution` against the Baik curve, IKM from the SKM answers —
 * written to test-results/report/cycle-report.html (with the CSV export next to it), and opened from the
 * file: every unit's chart renders, nothing scrolls sideways at 360 px, the console stays clean, and no
 * request leaves the file. Screenshots (desktop and phone) are saved to test-results/report/.
 *
 * Skipped, with a message, when /usr/bin/chromium is missing (`sudo apt-get install -y chromium`).
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFileName, evaluationsCsv } from '../../shared/adapters/render/report/csv';
import { renderCycleReport } from '../../shared/adapters/render/report/page';
import { chromiumAvailable, launchChromium } from '../support/browser';
import { CYCLE_ID, sampleSummary, unitNames } from '../unit/report/fixtures';

const hasChromium = chromiumAvailable('test/e2e/report');

const OUT = 'test-results/report';
const REPORT = path.resolve(OUT, 'cycle-report.html');
const REPORT_EN = path.resolve(OUT, 'cycle-report-en.html');

describe.skipIf(!hasChromium)('the cycle report page in Chromium', () => {
  const { summary, ikm, evaluations } = sampleSummary();
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const generatedAt = new Date('2027-02-10T03:00:00Z');
    writeFileSync(REPORT, renderCycleReport(summary, { generatedAt, ikm }), 'utf8');
    writeFileSync(REPORT_EN, renderCycleReport(summary, { locale: 'en', generatedAt, ikm }), 'utf8');
    writeFileSync(path.join(OUT, csvFileName(CYCLE_ID)), evaluationsCsv(evaluations, unitNames()), 'utf8');
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a file in a fresh context, recording console errors, page errors and every request. */
  async function open(file: string, viewport: { width: number; height: number }) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'id-ID' });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    const response = await page.goto(url, { waitUntil: 'load' });
    expect(response?.ok() ?? true).toBe(true);
    return { context, page, problems, requests, url };
  }

  /** Every unit's chart is visible with a real size and names itself to assistive technology. */
  async function expectChartsRender(page: Page, titleOf: (name: string) => string) {
    for (const u of summary.units) {
      const svg = page.locator(`svg.chart[data-unit="${u.unitId}"]`);
      await expect.poll(() => svg.count()).toBe(1);
      await svg.scrollIntoViewIfNeeded();
      expect(await svg.isVisible(), u.unitId).toBe(true);
      const box = await svg.boundingBox();
      expect(box!.width, u.unitId).toBeGreaterThan(200);
      expect(box!.height, u.unitId).toBeGreaterThan(200);
      expect(await page.getByRole('img', { name: titleOf(u.name), exact: false }).count(), u.unitId).toBe(1);
      // bars are drawn (a unit with people has at least one bar of nonzero width)
      const widths = await svg.locator('rect.bar').evaluateAll((rs) => rs.map((r) => (r as SVGRectElement).getBoundingClientRect().width));
      expect(widths.length, u.unitId).toBeGreaterThan(0);
      expect(widths.every((w) => w > 0)).toBe(true);
    }
  }

  /** No text of a chart spills out of its SVG (it would be clipped), and nothing scrolls sideways. */
  async function expectNothingOverflows(page: Page, width: number) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await page.evaluate(() => document.body.scrollWidth)).toBeLessThanOrEqual(width);
    const spills = await page.evaluate(() =>
      Array.from(document.querySelectorAll('svg.chart')).flatMap((svg) => {
        const outer = svg.getBoundingClientRect();
        return Array.from(svg.querySelectorAll('text'))
          .map((t) => ({ t: t.textContent ?? '', r: t.getBoundingClientRect() }))
          .filter(({ r }) => r.left < outer.left - 1 || r.right > outer.right + 1)
          .map(({ t }) => `${svg.getAttribute('data-unit')}: ${t}`);
      }),
    );
    expect(spills).toEqual([]);
  }

  it('renders every unit’s chart on a desktop, with a clean console and no request but the file', async () => {
    const { context, page, problems, requests, url } = await open(REPORT, { width: 1280, height: 900 });
    try {
      await expect.poll(() => page.title()).toContain('Laporan Siklus Kinerja 2026');
      await expectChartsRender(page, (name) => `Sebaran predikat ${name} terhadap kurva distribusi`);
      await expectNothingOverflows(page, 1280);
      expect(await page.locator('svg.chart').count()).toBe(summary.units.length + 1);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Laporan Siklus Kinerja 2026');
      expect(await page.locator('table.ikm tbody tr').count()).toBe(ikm.length);
      await page.screenshot({ path: path.join(OUT, 'cycle-report-desktop.png'), fullPage: true });
      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await context.close();
    }
  });

  it('reads at phone width (360 px): no horizontal scroll, charts fit, text inside the charts', async () => {
    const { context, page, problems, requests, url } = await open(REPORT, { width: 360, height: 740 });
    try {
      await expectChartsRender(page, (name) => `Sebaran predikat ${name} terhadap kurva distribusi`);
      await expectNothingOverflows(page, 360);
      for (const box of await page.locator('svg.chart').evaluateAll((s) => s.map((x) => x.getBoundingClientRect().right))) expect(box).toBeLessThanOrEqual(360);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(OUT, 'cycle-report-phone.png'), fullPage: true });
      await page.screenshot({ path: path.join(OUT, 'cycle-report-phone-top.png') });
      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await context.close();
    }
  });

  it('reads in English at phone width too', async () => {
    const { context, page, problems, requests, url } = await open(REPORT_EN, { width: 360, height: 740 });
    try {
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await expectChartsRender(page, (name) => `Predikat distribution of ${name} against the distribution curve`);
      await expectNothingOverflows(page, 360);
      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await context.close();
    }
  });

  it('left the report, the screenshots and the CSV export in test-results/report/', () => {
    for (const f of ['cycle-report.html', 'cycle-report-desktop.png', 'cycle-report-phone.png', csvFileName(CYCLE_ID)])
      expect(statSync(path.join(OUT, f)).size, f).toBeGreaterThan(1000);
  });
});
