/**
 * What the roster, SKM and rater-bias screens of the HR console share: calls the app's `api()` does not
 * make (a CSV body, DELETE) with the same session and problem+json handling, and the agency's roster and
 * units, read once per screen (people are picked by name, never typed as NIPs).
 */
import { ApiError, api, SignInNeeded } from '../../api';
import { currentToken, renewSilently } from '../../auth';
import { isProblem } from '../../problem';

const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

/** No session: api() tells the shell, which shows its sign-in (the form's file and fields stay on the page). */
async function signInAgain(): Promise<never> {
  await api('GET', '/v1/me').catch(() => undefined);
  throw new SignInNeeded();
}

/** A call with a text body (CSV) or a DELETE; an Idempotency-Key on every write, as api() sends. */
export async function send<T>(method: 'POST' | 'DELETE', path: string, body?: { text: string; type: string }): Promise<T> {
  const key = newKey();
  const call = async (token: string) =>
    fetch(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json, application/problem+json',
        'idempotency-key': key,
        ...(body ? { 'content-type': body.type } : {}),
      },
      ...(body ? { body: body.text } : {}),
    });
  let token = await currentToken();
  if (!token && (await renewSilently())) token = await currentToken();
  if (!token) return signInAgain();
  let res: Response;
  try {
    res = await call(token);
    if (res.status === 401 && (await renewSilently())) {
      const again = await currentToken();
      if (again) res = await call(again);
    }
  } catch {
    throw new ApiError({ status: 0, detail: 'network', detail_en: 'network' });
  }
  if (res.status === 401) return signInAgain();
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) throw new ApiError(isProblem(data) ? data : { status: res.status, detail: text.slice(0, 200) });
  return data as T;
}

export interface Person {
  nip: string;
  name: string;
  jabatan: string;
  unitId: string;
  raterNip?: string;
  isUnitHead: boolean;
  external?: boolean;
}
export interface Unit {
  unitId: string;
  name: string;
  parentUnitId?: string;
  headNip?: string;
}

/** The agency's whole roster, page after page (500 a page: one call for a kecamatan). */
export async function loadRoster(): Promise<Person[]> {
  const out: Person[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 200; i++) {
    const page: { items: Person[]; next: string | null } = await api(
      'GET',
      `/v1/roster/employees?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    out.push(...page.items);
    cursor = page.next;
    if (!cursor) break;
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

export async function loadUnits(): Promise<Unit[]> {
  return (await api<{ items: Unit[] }>('GET', '/v1/roster/units')).items;
}

/** Folded for search: "siti" finds "Siti Aisyah, S.Sos."; digits find a NIP. */
export const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The file without the given rows: each row's lines [line, endLine] (1-based, as the preview names
 * them) are left out, everything else kept as it was (header, separators, quotes, line ends).
 */
export function withoutRows(text: string, rows: readonly { line: number; endLine: number }[]): string {
  const parts = text.split(/(\r\n|\r|\n)/);
  const drop = (n: number) => rows.some((r) => n >= r.line && n <= r.endLine);
  let out = '';
  for (let i = 0, line = 1; i < parts.length; i += 2, line++) if (!drop(line)) out += parts[i]! + (parts[i + 1] ?? '');
  return out;
}
