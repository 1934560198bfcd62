/**
 * What the web app's browser tests share: signing a person in through the local stack's OIDC page (the
 * same authorization code + PKCE through oidc-client-ts as against Cognito), checking a screen as its
 * users see it (390 and 1280 px screenshots, axe-core, nothing scrolling sideways on a phone), and a
 * one-RHK SKP for the people the scenario does not drive through the app.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { resultPath } from './browser';

export interface SignedIn {
  page: Page;
  /** The browser's errors and failed responses since sign-in began: for a failure's report. */
  errors: string[];
}

const literally = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/**
 * `name` signs in, in a new phone-sized context: the app's "Masuk", then their own button on the local
 * sign-in page, which lists the roster. Waits for `heading` (Beranda unless the app opens elsewhere).
 * Under a loaded machine a screen may take longer than Playwright's 30 s: 60 s for every wait.
 */
export async function signIn(
  browser: Browser,
  webUrl: string,
  name: string,
  options: { path?: string; heading?: string; acceptDownloads?: boolean } = {},
): Promise<SignedIn> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'id-ID',
    ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => msg.type() === 'error' && errors.push(`console: ${msg.text()}`));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.request().method()} ${r.url()}`));
  try {
    await page.goto(`${webUrl}${options.path ?? '/'}`);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page
      .getByRole('button', { name: literally(name) })
      .first()
      .click();
    await page.getByRole('heading', { name: options.heading ?? 'Beranda' }).waitFor();
  } catch (err) {
    const shown = await page.content().catch((e: unknown) => String(e));
    throw new Error(`${name} could not sign in: ${err}\n${errors.join('\n')}\n${shown.slice(0, 3000)}`);
  }
  return { page, errors };
}

/**
 * Checks of the screens a suite shows, kept under test-results/<folder>/: `shoot` takes a screen at 390
 * and 1280 px and records every serious or critical axe-core violation and any sideways scrolling at
 * 390 px in `problems` (the suite asserts it empty at the end, so one run lists them all).
 */
export function screenChecks(folder: string) {
  const problems: string[] = [];
  const shots: string[] = [];
  async function shoot(page: Page, name: string) {
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      const file = resultPath(folder, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      shots.push(file);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    // Phone-first: nothing scrolls sideways at 390 px (a wide table scrolls inside its own region).
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    if (wide > 390) problems.push(`${name}: the page is ${wide} px wide at 390 px`);
    const result = await new AxeBuilder({ page }).analyze();
    for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
      problems.push(`${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  return { problems, shots, shoot };
}

/** A one-RHK SKP with one quantitative indicator (target 90 %), supporting the superior's `parentRhkId`. */
export function simpleSkp(nip: string, year: number, text: string, parentRhkId?: string) {
  return {
    nip,
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    rhk: [
      {
        id: 'rhk-1',
        jenis: 'utama',
        description: text,
        ...(parentRhkId ? { parentRhkId } : {}),
        indicators: [
          {
            id: 'iki-1-1',
            description: `Persentase ${text.toLowerCase()}`,
            target: { kind: 'quantitative', value: 90, unit: 'persen', direction: 'higherIsBetter' },
          },
        ],
      },
    ],
  };
}
