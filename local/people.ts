/**
 * Simulated people for the local run: employees, raters, peers and HR act over the HTTP API with
 * their own tokens, and approvers act on the links in their emails — a GET of the confirmation page,
 * then a POST of its form, exactly as a browser would.
 */
import { randomUUID } from 'node:crypto';
import { type OutboxMessage, readOutbox } from '../shared/adapters/mail/outbox';

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly tokenFor: (nip: string, roles: ('hr' | 'employee')[]) => Promise<string>,
  ) {}

  /**
   * One request, retried on 502/503/504 like any well-behaved client; the same Idempotency-Key on
   * every attempt, so a retried write is recognised by the server and not applied twice.
   */
  async call<T = any>(method: string, path: string, as: { nip: string; roles?: ('hr' | 'employee')[] }, body?: unknown): Promise<{ status: number; body: T }> {
    const token = await this.tokenFor(as.nip, as.roles ?? ['employee']);
    const idempotencyKey = randomUUID();
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(method !== 'GET' ? { 'idempotency-key': idempotencyKey } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      if ([502, 503, 504].includes(res.status) && attempt < 6) {
        await new Promise((r) => setTimeout(r, 20 * attempt));
        continue;
      }
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    }
  }

  async expect<T = any>(method: string, path: string, as: { nip: string; roles?: ('hr' | 'employee')[] }, body?: unknown): Promise<T> {
    const r = await this.call<T>(method, path, as, body);
    if (r.status >= 400) throw new Error(`${method} ${path} as ${as.nip} → ${r.status}: ${JSON.stringify(r.body).slice(0, 600)}`);
    return r.body;
  }
}

export interface LinkAction {
  url: string;
  email: OutboxMessage;
}

/** Reads the outbox and returns links not yet acted on, with the email they came from. */
export class Inbox {
  private seen = new Set<string>();
  constructor(readonly dir: string) {}

  async newMessages(): Promise<OutboxMessage[]> {
    const all = await readOutbox(this.dir);
    const fresh = all.filter((m) => !this.seen.has(m.file));
    for (const m of fresh) this.seen.add(m.file);
    return fresh;
  }
}

/** Follows a decision link like a person: GET the page, then POST its form with a decision. */
/** fetch, retried on 502/503/504 as browsers and clients do after a gateway error. */
export async function fetchRetrying(url: string, init?: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(url, init);
    if (![502, 503, 504].includes(res.status) || attempt >= 6) return res;
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, 20 * attempt));
  }
}

export async function actOnLink(url: string, decision: 'approve' | 'return', comment = ''): Promise<{ status: number; page: string }> {
  const page = await fetchRetrying(url);
  const html = await page.text();
  if (page.status !== 200) return { status: page.status, page: html };
  const form = decisionForm(html, url, decision, comment);
  if (!form) return { status: page.status, page: html };
  const { target, body } = form;
  const post = await fetchRetrying(target, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  const answer = await post.text();
  // A granted objection shows the resulting predikat first; a person then presses its confirm button.
  if (post.status === 200 && /name="confirm" value="1"/.test(answer)) {
    const again = decisionForm(answer, target, decision, comment);
    if (again) {
      const confirmed = await fetchRetrying(again.target, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: again.body,
      });
      return { status: confirmed.status, page: await confirmed.text() };
    }
  }
  return { status: post.status, page: answer };
}

/** The decision id and action of a link. */
export function parseDecisionLink(url: string): { decisionId: string; action: string } | undefined {
  const m = /\/v1\/decisions\/([^/?]+)\?(.*)$/.exec(url);
  if (!m) return undefined;
  return { decisionId: decodeURIComponent(m[1]!), action: new URLSearchParams(m[2]).get('a') ?? '' };
}

/**
 * The confirmation page's form, filled as a browser would: its hidden fields (HTML entities decoded),
 * the decision and the comment, posted to its action. Undefined when the page has no form (already decided).
 */
export function decisionForm(html: string, pageUrl: string, decision: 'approve' | 'return', comment: string): { target: string; body: string } | undefined {
  // The form whose button makes this decision (an objection page has one form per choice), else the first.
  const forms = [...html.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/gi)];
  const form = forms.find((f) => f[2]!.includes(`name="decision" value="${decision}"`)) ?? forms[0];
  if (!form) return undefined;
  const decode = (v: string) =>
    v
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  const fields = new URLSearchParams();
  for (const m of form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/gi)) fields.set(m[1]!, decode(m[2]!));
  // A select sends its selected option, as a browser does.
  for (const m of form[2]!.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/gi)) {
    const selected = /<option value="([^"]*)" selected>/.exec(m[2]!) ?? /<option value="([^"]*)"/.exec(m[2]!);
    if (selected) fields.set(m[1]!, decode(selected[1]!));
  }
  fields.set('decision', decision);
  if (!fields.has('comment') || comment) fields.set('comment', comment);
  return { target: new URL(decode(form[1]!), pageUrl).toString(), body: fields.toString() };
}
