/**
 * The same-origin API (`/v1/...`) with the session's token as Bearer. Errors come back as problem+json
 * (shared/http/problem.ts) and are thrown as ApiError; a 401 first tries a silent renewal, then asks the
 * app to sign in again (the form's draft is already kept, see drafts.ts).
 */
import { currentToken, renewSilently } from './auth';
import { isProblem, type Problem } from './problem';

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail_en ?? problem.detail ?? `HTTP ${problem.status}`);
  }
}
/** Thrown when no valid session exists: the app shows the sign-in page for the same path. */
export class SignInNeeded extends Error {}

let onSignInNeeded: () => void = () => undefined;
export function whenSignInNeeded(fn: () => void) {
  onSignInNeeded = fn;
}

const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

async function send(method: string, path: string, body: unknown, key: string | undefined, token: string) {
  return fetch(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json, application/problem+json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
}

/** One call; a write carries an Idempotency-Key so a retry after a dropped connection is not applied twice. */
export async function api<T = unknown>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
  const key = method === 'GET' ? undefined : (idempotencyKey ?? newKey());
  let token = await currentToken();
  if (!token && (await renewSilently())) token = await currentToken();
  if (!token) {
    onSignInNeeded();
    throw new SignInNeeded();
  }
  let res: Response;
  try {
    res = await send(method, path, body, key, token);
  } catch {
    throw new ApiError({ status: 0, detail: 'network', detail_en: 'network' });
  }
  if (res.status === 401 && (await renewSilently())) {
    const again = await currentToken();
    if (again) res = await send(method, path, body, key, again);
  }
  if (res.status === 401) {
    onSignInNeeded();
    throw new SignInNeeded();
  }
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) throw new ApiError(isProblem(data) ? data : { status: res.status, detail: text.slice(0, 200) });
  return data as T;
}

const early = new Map<string, Promise<unknown>>();
/** Starts a GET before the screen that needs it exists (the first screen's data, in parallel with who-am-I). */
export function prefetch(path: string): void {
  const p = api('GET', path);
  p.catch(() => early.delete(path));
  early.set(path, p);
}
/** A GET, taken from a prefetch when one was started for the same path. */
export function getOnce<T>(path: string): Promise<T> {
  const p = early.get(path);
  early.delete(path);
  return (p as Promise<T> | undefined) ?? api<T>('GET', path);
}
