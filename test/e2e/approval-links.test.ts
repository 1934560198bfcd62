/**
 * The email-link approval pages in a real browser (Debian's Chromium, driven by playwright-core),
 * against the real local stack: DynamoDB Local, the synthesized state machine, the local HTTP API and
 * the outbox. One cycle is driven through calibration; the APPROVAL stage then opens and its digests
 * land in the outbox. Each test takes its own fresh decision from those digests, acts on it the way an
 * approver would, and checks what the page says and what the store holds afterwards.
 *
 * The approval stage keeps ticking while the tests run (a stage-day is ~0.86 s), so reminders and
 * escalations may be sent meanwhile; the tests only rely on the digest links and the decisions' state.
 *
 * Skipped, with a message, when /usr/bin/chromium is missing (`sudo apt-get install -y chromium`).
 */
import '../../local/sfn/polyfill';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDecisionLink } from '../../local/people';
import { runCycle, seedRoster } from '../../local/run-cycle';
import { loadSampleAgency } from '../../local/sample/schema';
import { type LocalStack, startLocalStack } from '../../local/stack';
import { ddb } from '../../shared/adapters/aws-clients';
import { decisionPut } from '../../shared/adapters/dynamodb/decisions';
import { keys as tableKeys } from '../../shared/adapters/dynamodb/keys';
import { auditTrail, type EvaluationRecord, getDecision, getEvaluation, listUnits } from '../../shared/adapters/dynamodb/repository';
import { table } from '../../shared/adapters/dynamodb/table';
import { transactWrite } from '../../shared/adapters/dynamodb/transact';
import { buildDecisionUrl } from '../../shared/adapters/links/links';
import { readOutbox } from '../../shared/adapters/mail/outbox';
import { formatDateTime, t } from '../../shared/adapters/render/i18n';
import { evaluationDetails } from '../../shared/application/queries/summaries';
import { deps } from '../../shared/composition';
import { predikatFor } from '../../shared/domain/predikat';
import type { Rating } from '../../shared/domain/ratings';
import { chromiumAvailable, launchChromium, resultPath } from '../support/browser';

const hasChromium = chromiumAvailable('test/e2e/approval-links');

const SCREENSHOT = resultPath('e2e', 'confirm-phone.png');
/** How many fresh approval items the tests use (one each, plus spares). */
const ITEMS_NEEDED = 12;

const sample = loadSampleAgency('local/sample/asemrowo.json');
const nipByEmail = new Map(sample.employees.map((e) => [e.email.toLowerCase(), e.nip]));
const nameByNip = new Map(sample.employees.map((e) => [e.nip, e.name]));
/** Approvers who prefer English get English pages from a plain link; the tests below read Indonesian. */
const prefersEnglish = new Set(sample.employees.filter((e) => (e as { locale?: string }).locale === 'en').map((e) => e.nip));

interface Item {
  decisionId: string;
  approveUrl: string;
  returnUrl: string;
  /** The approver the digest was sent to (the links' recipient). */
  recipientNip: string;
  subjectNip: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!hasChromium)('approval by email link, in Chromium, against the local stack', () => {
  let stack: LocalStack;
  let cycleId = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const items: Item[] = [];
  const used = new Set<string>();
  let units = new Map<string, string>();

  /** Approval digests in the outbox → one item per decision, with its approve and return links. */
  async function collectItems(): Promise<Item[]> {
    const found = new Map<string, Partial<Item>>();
    for (const m of await readOutbox(stack.outboxDir)) {
      if (m.tags.kind !== 'digest' || m.tags.stage !== 'APPROVAL') continue;
      const recipientNip = nipByEmail.get((m.to[0] ?? '').replace(/^.*<|>$/g, '').toLowerCase());
      if (!recipientNip) continue;
      for (const url of m.links) {
        const link = parseDecisionLink(url);
        if (!link || (link.action !== 'approve' && link.action !== 'return')) continue;
        const item = found.get(link.decisionId) ?? { decisionId: link.decisionId, recipientNip };
        if (link.action === 'approve') item.approveUrl = url;
        else item.returnUrl = url;
        found.set(link.decisionId, item);
      }
    }
    const out: Item[] = [];
    for (const item of found.values()) {
      if (!item.approveUrl || !item.returnUrl) continue;
      const d = await getDecision(item.decisionId!);
      if (d?.kind === 'EVALUATION_APPROVAL') out.push({ ...(item as Omit<Item, 'subjectNip'>), subjectNip: d.subjectNip });
    }
    return out;
  }

  /** A decision no other test has touched, still pending, its evaluation awaiting approval. */
  async function take(): Promise<Item> {
    for (const item of items) {
      if (used.has(item.decisionId) || prefersEnglish.has(item.recipientNip)) continue;
      used.add(item.decisionId);
      const d = await getDecision(item.decisionId);
      const e = await getEvaluation(cycleId, item.subjectNip);
      if (d?.status === 'PENDING' && e?.status === 'AWAITING_APPROVAL') return item;
    }
    throw new Error('No fresh approval item left in the outbox');
  }

  async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
    // An approver in Indonesia: the browser asks for Bahasa Indonesia unless a test says otherwise.
    const context = await browser.newContext({ locale: 'id-ID', ...options });
    contexts.push(context);
    return context.newPage();
  }

  /**
   * Does something that submits a form and returns the POST's response once the page it leads to has
   * loaded (waiting for the next `load` event, so the old page is never read by mistake).
   */
  async function submit(page: Page, act: () => Promise<void>): Promise<Response> {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/v1/decisions/'), { timeout: 15_000 }),
      page.waitForEvent('load', { timeout: 15_000 }),
      act(),
    ]);
    return response;
  }

  /** What a test compares before and after something that must change nothing. */
  async function snapshot(item: Item) {
    const d = await getDecision(item.decisionId);
    const e = await getEvaluation(cycleId, item.subjectNip);
    const trail = await auditTrail(cycleId, item.subjectNip);
    return {
      decision: { status: d?.status, decidedAt: d?.decidedAt, outcome: d?.outcome, decidedBy: d?.decidedBy },
      evaluation: { status: e?.status, version: e?.version, updatedAt: e?.updatedAt, predikat: e?.predikat, lastChangeId: e?.lastChangeId },
      audit: trail.map((a) => a.eventId).sort(),
    };
  }

  const h1 = (page: Page) => page.locator('h1').innerText();
  const mainText = (page: Page) => page.locator('main').innerText();

  beforeAll(async () => {
    stack = await startLocalStack({ workDir: mkdtempSync(path.join(tmpdir(), 'asn-e2e-')), timeScale: 2e-5 });
    await seedRoster(sample);
    const outcome = await runCycle(stack, sample, { stopAfter: 'CALIBRATION' });
    cycleId = outcome.cycleId;
    units = new Map((await listUnits(sample.agencyId)).map((u) => [u.unitId, u.name]));
    browser = await launchChromium();
    // The APPROVAL stage opens right after calibration and sends one digest per approver.
    const deadline = Date.now() + 30_000;
    for (;;) {
      items.splice(0, items.length, ...(await collectItems()));
      if (items.filter((i) => !prefersEnglish.has(i.recipientNip)).length >= ITEMS_NEEDED) break;
      if (Date.now() > deadline) throw new Error(`Only ${items.length} approval items arrived in ${stack.outboxDir}`);
      await sleep(200);
    }
  }, 480_000); // ~40 s on an idle machine; generous for a busy CI runner (a shared 2-core machine took > 240 s)

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await stack?.stop();
  });

  it('shows the evaluation in Bahasa Indonesia, approves it with "Setujui", and records the decision', async () => {
    const item = await take();
    const before = (await getEvaluation(cycleId, item.subjectNip)) as EvaluationRecord;
    const details = evaluationDetails(before, item.decisionId, units, 'id');
    const page = await newPage();

    const res = await page.goto(item.approveUrl);
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(await h1(page)).toBe('Persetujuan penilaian kinerja');
    const text = await mainText(page);
    expect(text).toContain(before.name);
    expect(text).toContain(before.nip);
    expect(text).toContain(t('id', 'page.confirm.notYet'));

    // The RHK table: Indonesian headings, and every RHK and indicator of the stored evaluation.
    const table = page.locator('table', { has: page.locator('caption') });
    expect(await table.locator('caption').innerText()).toBe('Rencana Hasil Kerja (RHK)');
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['Indikator', 'Target', 'Realisasi', 'Capaian']);
    const tableText = await table.innerText();
    expect(details.rhk.length).toBeGreaterThan(0);
    for (const rhk of details.rhk) {
      expect(tableText).toContain(rhk.title);
      for (const ind of rhk.indicators) expect(tableText).toContain(ind.name);
    }
    const indicatorRows = details.rhk.reduce((n, r) => n + r.indicators.length, 0);
    expect(await table.locator('tbody tr').count()).toBe(details.rhk.length + indicatorRows);

    // The proposed predikat, next to its Indonesian label.
    const predikatRow = page.locator('tr', { hasText: 'Usulan Predikat Kinerja' });
    expect(await predikatRow.locator('td').nth(1).innerText()).toBe(details.predikat);
    expect(['Sangat Baik', 'Baik', 'Butuh Perbaikan', 'Kurang', 'Sangat Kurang'].some((p) => details.predikat.startsWith(p))).toBe(true);

    // Opening the page changed nothing.
    expect((await getDecision(item.decisionId))?.status).toBe('PENDING');

    const post = await submit(page, () => page.getByRole('button', { name: 'Setujui', exact: true }).click());
    expect(post.status()).toBe(200);
    expect(await h1(page)).toBe('Keputusan Anda telah dicatat');
    const done = await mainText(page);
    expect(done).toContain('disetujui');
    expect(done).toContain(before.nip);

    const decision = await getDecision(item.decisionId);
    expect(decision?.status).toBe('DECIDED');
    expect(decision?.outcome).toBe('approve');
    expect(decision?.decidedBy?.nip).toBe(item.recipientNip);
    expect(done).toContain(formatDateTime('id', new Date(decision!.decidedAt!)));
    const after = await getEvaluation(cycleId, item.subjectNip);
    expect(after?.status).toBe('APPROVED');
    const approvals = (await auditTrail(cycleId, item.subjectNip)).filter((a) => a.action === 'EVALUATION_APPROVAL:APPROVE');
    expect(approvals).toHaveLength(1);
    expect(approvals[0]?.actor.nip).toBe(item.recipientNip);
  });

  it('returns an evaluation only with a reason: blocked in the browser, 422 from the server, then recorded', async () => {
    const item = await take();
    const page = await newPage();
    expect((await page.goto(item.returnUrl))?.status()).toBe(200);
    const reason = page.getByLabel('Alasan pengembalian (wajib diisi)');
    const returnButton = page.getByRole('button', { name: 'Kembalikan', exact: true });
    // A return link opens with the return form first.
    expect(await page.locator('section[aria-labelledby] h2').first().innerText()).toBe('Kembalikan dengan alasan');
    expect(await reason.getAttribute('required')).not.toBeNull();

    // 1. Empty reason: the browser refuses to send the form.
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    const untouched = await snapshot(item);
    await returnButton.click();
    await sleep(400);
    expect(posts).toEqual([]);
    expect(await reason.evaluate((el) => (el as HTMLTextAreaElement).validity.valueMissing)).toBe(true);

    // 2. The same form forced past the browser (attribute removed): the server says 422 and keeps the page.
    await reason.evaluate((el) => el.removeAttribute('required'));
    const forced = await submit(page, () => returnButton.click());
    expect(forced.status()).toBe(422);
    expect(await page.locator('[role="alert"]').innerText()).toBe('Alasan pengembalian wajib diisi.');
    expect(await page.getByLabel('Alasan pengembalian (wajib diisi)').getAttribute('aria-invalid')).toBe('true');

    // 3. Only spaces is no reason either (the browser accepts it; the server must not).
    await page.getByLabel('Alasan pengembalian (wajib diisi)').fill('   \n  ');
    const blank = await submit(page, () => page.getByRole('button', { name: 'Kembalikan', exact: true }).click());
    expect(blank.status()).toBe(422);
    expect(await snapshot(item)).toEqual(untouched);

    // 4. With a reason: recorded, and the rater gets the evaluation back.
    const why = 'Bukti dukung realisasi RHK 1 belum lengkap; mohon dilengkapi lalu dinilai ulang.';
    await page.getByLabel('Alasan pengembalian (wajib diisi)').fill(why);
    const ok = await submit(page, () => page.getByRole('button', { name: 'Kembalikan', exact: true }).click());
    expect(ok.status()).toBe(200);
    expect(await h1(page)).toBe('Keputusan Anda telah dicatat');
    const done = await mainText(page);
    expect(done).toContain('dikembalikan');
    expect(done).toContain(why);
    expect(done).toContain(t('id', 'page.done.returned'));

    const decision = await getDecision(item.decisionId);
    expect(decision?.status).toBe('DECIDED');
    expect(decision?.outcome).toBe('return');
    const e = await getEvaluation(cycleId, item.subjectNip);
    expect(e?.status).toBe('RETURNED_TO_RATER');
    const returns = (await auditTrail(cycleId, item.subjectNip)).filter((a) => a.action === 'EVALUATION_APPROVAL:RETURN');
    expect(returns).toHaveLength(1);
    expect(returns[0]?.reason).toBe(why);
    expect(returns[0]?.before?.status).toBe('AWAITING_APPROVAL');
    expect(returns[0]?.after?.status).toBe('RETURNED_TO_RATER');
  });

  it('a second click on a decided link says who decided and when, and changes nothing', async () => {
    const item = await take();
    // The approver opens the link twice (two tabs), approves in the first…
    const first = await newPage();
    const second = await first.context().newPage();
    await first.goto(item.approveUrl);
    await second.goto(item.approveUrl);
    expect((await submit(first, () => first.getByRole('button', { name: 'Setujui', exact: true }).click())).status()).toBe(200);
    const decided = await snapshot(item);
    expect(decided.decision.status).toBe('DECIDED');
    const decidedAt = new Date(decided.decision.decidedAt!);
    const approver = nameByNip.get(item.recipientNip)!;

    const expectAlreadyDecided = async (page: Page) => {
      expect(await h1(page)).toBe('Sudah diputuskan');
      const text = await mainText(page);
      expect(text).toContain(`Sudah diputuskan oleh ${approver} pada ${formatDateTime('id', decidedAt)}: disetujui.`);
      expect(text).toContain('Tidak ada perubahan yang dilakukan oleh tautan ini.');
      expect(await page.locator('form, button').count()).toBe(0);
    };

    // …a second click on the same link, and on the item's other link from the digest:
    for (const url of [item.approveUrl, item.returnUrl]) {
      const page = await first.context().newPage();
      expect((await page.goto(url))?.status()).toBe(200);
      await expectAlreadyDecided(page);
    }
    // …and a POST from the stale tab, returning it with a reason.
    await second.getByLabel('Alasan pengembalian (wajib diisi)').fill('Klik kedua dari tab lama.');
    const late = await submit(second, () => second.getByRole('button', { name: 'Kembalikan', exact: true }).click());
    expect(late.status()).toBe(200);
    await expectAlreadyDecided(second);

    expect(await snapshot(item)).toEqual(decided);
    expect((await getEvaluation(cycleId, item.subjectNip))?.status).toBe('APPROVED');
  });

  it('an expired link ends on a 410 page that says how to get a new link; nothing changes', async () => {
    const item = await take();
    const keys = await deps.linkKeys().keys();
    const expiresAt = Math.floor(Date.now() / 1000) - 60;
    const expired = buildDecisionUrl(stack.apiUrl, { decisionId: item.decisionId, action: 'approve', recipient: item.recipientNip, expiresAt }, keys.current);
    const before = await snapshot(item);

    const page = await newPage();
    const res = await page.goto(expired);
    expect(res?.status()).toBe(410);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(await h1(page)).toBe('Tautan sudah kedaluwarsa');
    const text = await mainText(page);
    expect(text).toContain('Masa berlaku tautan ini telah habis.');
    expect(text).toContain('Untuk mendapatkan tautan baru');
    expect(text).toContain('hubungi pengelola kinerja');
    expect(await page.locator('form, button, textarea').count()).toBe(0);
    // No employee data on a page an expired link leads to.
    expect(text).not.toContain(item.subjectNip);

    // A POST carrying the expired link's fields (a page kept open past the expiry) is refused alike.
    const q = new URL(expired).searchParams;
    const body = new URLSearchParams({ a: q.get('a')!, r: q.get('r')!, e: q.get('e')!, k: q.get('k')!, s: q.get('s')!, decision: 'approve', comment: '' });
    const post = await fetch(new URL(expired).origin + new URL(expired).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(post.status).toBe(410);
    await post.text();

    expect(await snapshot(item)).toEqual(before);
    // The same item's unexpired link still works (the expiry was the only problem).
    const fresh = await fetch(item.approveUrl);
    expect(fresh.status).toBe(200);
    await fresh.text();
  });

  it('on a phone (360×740) the confirmation page fits the width, has 44 px buttons, and is kept as a screenshot', async () => {
    const item = await take();
    const page = await newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    expect((await page.goto(item.approveUrl))?.status()).toBe(200);

    const layout = await page.evaluate(() => {
      const doc = document.scrollingElement!;
      // Everything in the page, the RHK table included, lies within the viewport.
      const tooWide = Array.from(document.querySelectorAll('main *'))
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.left < -0.5 || r.right > window.innerWidth + 0.5))
        .map(({ el }) => `${el.tagName.toLowerCase()}.${el.className}`);
      const scrollers = Array.from(document.querySelectorAll('.scroll')).map((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      return { scrollWidth: doc.scrollWidth, innerWidth: window.innerWidth, tooWide, scrollers };
    });
    expect(layout.innerWidth).toBe(360);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
    expect(layout.tooWide).toEqual([]);
    // The RHK table reads without sideways scrolling inside its panel, too…
    for (const s of layout.scrollers) expect(s.scroll).toBeLessThanOrEqual(s.client);
    // …indicator names get the panel's width instead of a sliver broken letter by letter…
    const table = page.getByRole('table', { name: 'Rencana Hasil Kerja (RHK)' });
    const tableWidth = (await table.boundingBox())!.width;
    const nameCells = await table.locator('tbody tr td:first-child').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().width));
    expect(nameCells.length).toBeGreaterThan(0);
    for (const w of nameCells) expect(w).toBeGreaterThan(tableWidth * 0.9);
    // …and it is still a table to a screen reader, with its column headers.
    expect(await page.getByRole('columnheader', { name: 'Capaian' }).count()).toBe(1);
    expect(await table.getByRole('row').count()).toBeGreaterThan(nameCells.length);

    const buttons = page.locator('button');
    expect(await buttons.count()).toBe(2);
    for (const b of await buttons.all()) {
      const box = (await b.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
    // Body text stays readable (no shrunken desktop layout on a phone).
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(16);

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    expect((await getDecision(item.decisionId))?.status).toBe('PENDING');
  });

  it('a link scanner prefetching with GET and HEAD (no cookies) gets 200 and changes nothing', async () => {
    const item = await take();
    const before = await snapshot(item);
    const scanner = { 'user-agent': 'Mozilla/5.0 (compatible; SafeLinks-Scanner/1.0)', accept: '*/*' };
    for (const url of [item.approveUrl, item.returnUrl]) {
      const get = await fetch(url, { headers: scanner, redirect: 'manual' });
      expect(get.status).toBe(200);
      expect(get.headers.get('content-type')).toMatch(/^text\/html/);
      expect(get.headers.get('cache-control')).toBe('no-store');
      expect(get.headers.get('referrer-policy')).toBe('no-referrer');
      expect(get.headers.get('set-cookie')).toBeNull();
      const html = await get.text();
      expect(html).toContain('<form method="post"');
      const head = await fetch(url, { method: 'HEAD', headers: scanner, redirect: 'manual' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await head.text()).toBe('');
    }
    // Scanners fetch repeatedly and in parallel.
    const burst = await Promise.all(Array.from({ length: 6 }, (_, i) => fetch(i % 2 ? item.approveUrl : item.returnUrl, { method: i % 3 ? 'GET' : 'HEAD' })));
    expect(burst.map((r) => r.status)).toEqual(Array(6).fill(200));
    await Promise.all(burst.map((r) => r.text()));

    expect(await snapshot(item)).toEqual(before);
    expect(before.decision.status).toBe('PENDING');
    expect(before.evaluation.status).toBe('AWAITING_APPROVAL');
  });

  it('is usable with a keyboard and a screen reader: labelled textareas, Tab to the buttons, Enter approves; lang="id"', async () => {
    const item = await take();
    const page = await newPage();
    await page.goto(item.approveUrl);
    expect(await page.getAttribute('html', 'lang')).toBe('id');

    const labels = await page
      .locator('textarea')
      .evaluateAll((els) =>
        els.map((el) => ({ id: el.id, labels: Array.from((el as HTMLTextAreaElement).labels ?? []).map((l) => l.textContent?.trim() ?? '') })),
      );
    expect(labels.length).toBe(2);
    for (const l of labels) {
      expect(l.labels.length, `textarea #${l.id} has a label`).toBe(1);
      expect(l.labels[0]!.length).toBeGreaterThan(3);
    }

    // Walk the page with Tab from the top and note what gets focus.
    const focused = async () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return 'body';
        return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.tagName === 'BUTTON' ? `:${el.textContent?.trim()}` : ''}`;
      });
    const order: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      if (now === 'body') break; // past the last control (focus wraps to the browser)
      order.push(now);
    }
    // The skip link, the language switch, then each form's field before its button, in reading order; nothing else.
    expect(order, order.join(' → ')).toEqual(['a', 'a', 'textarea#approve-comment', 'button:Setujui', 'textarea#return-reason', 'button:Kembalikan']);
    const approveAt = order.indexOf('button:Setujui');

    // Approve with the keyboard only: Tab to "Setujui", Enter.
    await page.reload();
    for (let i = 0; i <= approveAt; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('button:Setujui');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    const post = await submit(page, () => page.keyboard.press('Enter'));
    expect(post.status()).toBe(200);
    expect(await h1(page)).toBe('Keputusan Anda telah dicatat');
    expect((await getDecision(item.decisionId))?.status).toBe('DECIDED');
    expect((await getEvaluation(cycleId, item.subjectNip))?.status).toBe('APPROVED');
  });

  /** Zero serious or critical axe-core violations on the page as it is now. */
  async function expectAccessible(page: Page) {
    const { violations } = await new AxeBuilder({ page }).analyze();
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length}`);
    expect(bad, bad.join(', ')).toEqual([]);
  }

  it('speaks the recipient’s language, not the browser’s; ?lang=en and the page’s switch change it, through to the result page', async () => {
    const item = await take();
    const english = async (page: Page) => {
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await h1(page)).toBe('Performance evaluation approval');
      const text = await mainText(page);
      expect(text).toContain(t('en', 'page.confirm.notYet'));
      expect(text).toContain('Proposed performance rating');
      expect(text).not.toContain('Usulan Predikat Kinerja');
      expect(await page.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Return', exact: true }).count()).toBe(1);
    };

    // An English browser (Accept-Language: en-GB) on the link of an Indonesian-speaking approver: Indonesian.
    const byHeader = await newPage({ locale: 'en-GB', bypassCSP: true });
    expect((await byHeader.goto(item.approveUrl))?.status()).toBe(200);
    expect(await byHeader.getAttribute('html', 'lang')).toBe('id');
    await expectAccessible(byHeader);
    // The switch at the top of the page opens the same link in English (a GET: nothing decided).
    await Promise.all([byHeader.waitForEvent('load'), byHeader.getByRole('link', { name: 'English' }).click()]);
    await english(byHeader);
    await expectAccessible(byHeader);
    await byHeader.screenshot({ path: resultPath('e2e', 'language-switch-en.png'), fullPage: true });
    // …and back.
    await Promise.all([byHeader.waitForEvent('load'), byHeader.getByRole('link', { name: 'Bahasa Indonesia' }).click()]);
    expect(await byHeader.getAttribute('html', 'lang')).toBe('id');
    expect((await getDecision(item.decisionId))?.status).toBe('PENDING');

    // ?lang=en appended, in an Indonesian browser; the decision and its result page stay in English.
    const byQuery = await newPage();
    expect((await byQuery.goto(`${item.approveUrl}&lang=en`))?.status()).toBe(200);
    await english(byQuery);
    const post = await submit(byQuery, () => byQuery.getByRole('button', { name: 'Approve', exact: true }).click());
    expect(post.status()).toBe(200);
    expect(await byQuery.getAttribute('html', 'lang')).toBe('en');
    expect(await h1(byQuery)).toBe('Your decision has been recorded');
    expect(await mainText(byQuery)).toContain('approved');
    expect((await getDecision(item.decisionId))?.status).toBe('DECIDED');

    // The Indonesian default is unaffected: the same link without lang, in an Indonesian browser.
    const plain = await newPage();
    await plain.goto(item.approveUrl);
    expect(await plain.getAttribute('html', 'lang')).toBe('id');
    expect(await h1(plain)).toBe('Sudah diputuskan');
  });

  it('concurrent opposite POSTs (two tabs, the escalation superior): every page tells the stored outcome', async () => {
    const item = await take();
    const page = await (await fetch(item.approveUrl)).text();
    const hidden = Object.fromEntries(
      [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]),
    );
    const target = new URL(item.approveUrl).origin + new URL(item.approveUrl).pathname;
    const choices = ['approve', 'return', 'approve', 'return', 'approve', 'return'] as const;
    const pages = await Promise.all(
      choices.map(async (decision) => {
        const res = await fetch(target, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ ...hidden, decision, comment: decision === 'return' ? 'Mohon bukti dukung dilengkapi.' : '' }),
        });
        return { decision, status: res.status, html: await res.text() };
      }),
    );
    const stored = await getDecision(item.decisionId);
    expect(stored?.status).toBe('DECIDED');
    const word = stored?.outcome === 'return' ? 'dikembalikan' : 'disetujui';
    const otherWord = stored?.outcome === 'return' ? 'disetujui' : 'dikembalikan';
    let recorded = 0;
    for (const p of pages) {
      expect(p.status).toBe(200);
      const said = /Usulan berikut telah (\w+) pada|Sudah diputuskan oleh [^:]+: (\w+)\./.exec(p.html);
      expect(said, p.html.slice(0, 400)).not.toBeNull();
      expect(said![1] ?? said![2]).toBe(word);
      expect(p.html).not.toContain(`telah ${otherWord}`);
      if (p.html.includes('Keputusan Anda telah dicatat')) {
        recorded++;
        expect(p.decision).toBe(stored?.outcome);
      }
    }
    expect(recorded).toBeGreaterThanOrEqual(1);
    // One effect: one decision event in the audit trail, matching the stored outcome.
    const events = (await auditTrail(cycleId, item.subjectNip)).filter((a) => a.action.startsWith('EVALUATION_APPROVAL:'));
    expect(events.map((a) => a.action)).toEqual([`EVALUATION_APPROVAL:${stored?.outcome?.toUpperCase()}`]);
  });

  it('an objection (keberatan) on a phone: its own page, re-rating with the matrix’s predikat shown before confirming; accessible', async () => {
    // An approval item turned into a filed objection (the cycle here stops before the objection window).
    const item = await take();
    const e = (await getEvaluation(cycleId, item.subjectNip)) as EvaluationRecord;
    const score = e.score as { resultsRating: Rating; behaviour: { final: Rating } };
    expect(score.resultsRating).toBeTruthy();
    const requested = e.predikat === 'SANGAT_BAIK' ? 'BAIK' : 'SANGAT_BAIK';
    const decisionId = `objection${item.decisionId}`.slice(0, 60);
    const reason = 'Beban tugas tambahan verifikasi bansos Juni–Agustus belum dipertimbangkan.';
    await ddb.send(
      new UpdateCommand({
        TableName: table(),
        Key: tableKeys.evaluation(cycleId, item.subjectNip),
        UpdateExpression: 'SET #s = :s, objection = :o, pendingDecisionId = :d',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'OBJECTED', ':o': { reason, requestedPredikat: requested, filedAt: new Date().toISOString() }, ':d': decisionId },
      }),
    );
    await transactWrite([
      decisionPut({
        decisionId,
        kind: 'OBJECTION',
        cycleId,
        stage: 'OBJECTION',
        subjectNip: item.subjectNip,
        recipientNip: item.recipientNip,
        status: 'PENDING',
        createdAt: new Date().toISOString(),
        counts: false,
      }) as never,
    ]);
    const keys = await deps.linkKeys().keys();
    const url = buildDecisionUrl(
      stack.apiUrl,
      { decisionId, action: 'approve', recipient: item.recipientNip, expiresAt: Math.floor(Date.now() / 1000) + 3600 },
      keys.current,
    );

    const page = await newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, bypassCSP: true });
    expect((await page.goto(url))?.status()).toBe(200);
    expect(await h1(page)).toBe('Keberatan atas hasil penilaian kinerja');
    const text = await mainText(page);
    expect(text).toContain(reason);
    expect(text).toContain('Hasil yang diajukan keberatan');
    expect(text).toContain('Predikat yang diminta pegawai');
    expect(await page.getByRole('button', { name: 'Tolak keberatan' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    await page.screenshot({ path: resultPath('e2e', 'objection-phone.png'), fullPage: true });

    // Grant: the reason is required (browser), then a preview with the predikat the matrix gives.
    const grant = page.getByRole('button', { name: 'Tinjau hasilnya' });
    const why = 'Surat tugas membuktikan beban tambahan; hasil kerja sesuai ekspektasi.';
    await page.getByLabel('Alasan mengabulkan (wajib diisi)').fill(why);
    const chosen = {
      results: await page.getByLabel('Rating hasil kerja baru').inputValue(),
      behaviour: await page.getByLabel('Rating perilaku kerja baru').inputValue(),
    };
    const expected = predikatFor(chosen.results as Rating, chosen.behaviour as Rating);
    expect(expected).toBe(requested);
    const preview = await submit(page, () => grant.click());
    expect(preview.status()).toBe(200);
    expect(await h1(page)).toBe('Periksa hasil sebelum mengabulkan keberatan');
    expect((await getDecision(decisionId))?.status).toBe('PENDING');
    await expectAccessible(page);
    await page.screenshot({ path: resultPath('e2e', 'objection-preview-phone.png'), fullPage: true });
    const done = await submit(page, () => page.getByRole('button', { name: /^Kabulkan keberatan: / }).click());
    expect(done.status()).toBe(200);
    expect(await mainText(page)).toContain('dikabulkan');
    const after = await getEvaluation(cycleId, item.subjectNip);
    const stored = after?.score as { resultsRating: Rating; behaviour: { final: Rating } };
    expect(after?.predikat).toBe(expected);
    expect(predikatFor(stored.resultsRating, stored.behaviour.final)).toBe(after?.predikat);
    expect((after?.objection as { decision?: string }).decision).toBe('GRANTED');
  });
});
