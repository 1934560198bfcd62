/**
 * The confirmation page in a real browser (Debian's Chromium via playwright-core), served with the
 * real response headers: phone width, keyboard use, the `required` reason, CSP, and that only a
 * POST carries the decision. Skipped when Chromium is not installed.
 */

import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlResponse, renderConfirmPage, renderDecisionDonePage } from '../../../shared/adapters/render/pages';
import { evaluation } from '../mail/fixtures';

const CHROMIUM = '/usr/bin/chromium';
const hidden = { a: 'view', r: 'AbCdEfGhIjKlMnOp', e: '1800000000', k: 'k1', s: 'x'.repeat(43) };

describe.skipIf(!existsSync(CHROMIUM))('confirmation page in Chromium', () => {
  let server: Server;
  let base = '';
  let browser: Browser;
  const requests: { method: string; url: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        requests.push({ method: req.method ?? '', url: req.url ?? '', body });
        const page =
          req.method === 'POST'
            ? htmlResponse(200, renderDecisionDonePage({ decision: 'return', decidedAt: new Date('2027-01-10T03:15:00Z') }))
            : htmlResponse(
                200,
                renderConfirmPage({
                  summary: evaluation(1),
                  action: 'view',
                  formAction: '/v1/decisions/01JH8Z6QK3V4TB2N9W7C5XRY01',
                  hidden,
                  requireReason: true,
                }),
              );
        res.writeHead(page.statusCode, page.headers);
        res.end(req.method === 'HEAD' ? undefined : page.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it('fits 360 px, needs a reason to return, and posts the decision from the keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    requests.length = 0;
    await page.goto(`${base}/v1/decisions/01JH8Z6QK3V4TB2N9W7C5XRY01?${new URLSearchParams(hidden)}`);

    // readable at phone width: no horizontal scrolling
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await mkdir('test-results/pages', { recursive: true });
    await page.screenshot({ path: 'test-results/pages/confirm-360.png', fullPage: true });

    // the GET changed nothing and the page posts nowhere by itself
    await page.waitForTimeout(200);
    expect(requests.map((r) => r.method)).toEqual(['GET']);

    // returning without a reason is blocked by the browser
    await page.getByRole('button', { name: 'Kembalikan' }).click();
    await page.waitForTimeout(200);
    expect(requests.map((r) => r.method)).toEqual(['GET']);
    expect(await page.evaluate<boolean>("document.querySelector('#return-reason').validity.valueMissing")).toBe(true);

    // labels are associated with their fields
    await expect.poll(() => page.getByLabel('Alasan pengembalian (wajib diisi)').count()).toBe(1);

    // keyboard only: focus the reason, type, Tab to the button, press Enter
    await page.getByLabel('Alasan pengembalian (wajib diisi)').focus();
    await page.keyboard.type('Target RHK 2 belum sesuai');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.name + "=" + document.activeElement.value')).toBe('decision=return');
    const outline = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).toBe('solid'); // visible focus
    await Promise.all([page.waitForURL(/\/v1\/decisions\//), page.keyboard.press('Enter')]);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Keputusan Anda telah dicatat');

    const post = requests.find((r) => r.method === 'POST');
    expect(post?.url).toBe('/v1/decisions/01JH8Z6QK3V4TB2N9W7C5XRY01');
    const form = Object.fromEntries(new URLSearchParams(post?.body ?? ''));
    expect(form).toEqual({ ...hidden, comment: 'Target RHK 2 belum sesuai', decision: 'return' });
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 60_000);

  it('a prefetch (HEAD and GET, no cookies) only reads', async () => {
    requests.length = 0;
    const url = `${base}/v1/decisions/01JH8Z6QK3V4TB2N9W7C5XRY01?${new URLSearchParams(hidden)}`;
    const head = await fetch(url, { method: 'HEAD' });
    const get = await fetch(url);
    expect(head.status).toBe(200);
    expect(get.headers.get('cache-control')).toBe('no-store');
    expect(get.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await get.text()).not.toMatch(/<script/i);
    expect(requests.map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });
});
