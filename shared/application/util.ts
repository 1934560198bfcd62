/** Small helpers shared by the cycle use cases. */

/** Runs `fn` over items with at most `limit` in flight (bounded fan-out inside one Lambda invocation). */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return out;
}

/** Opaque cursors passed between paged workflow steps (ids only; small). */
export interface StageCursor {
  u?: string;
  k?: Record<string, unknown>;
}
/** '' means "no more pages" (the workflow's NO_CURSOR). */
export const encodeCursor = (c: StageCursor | undefined): string => (c ? Buffer.from(JSON.stringify(c)).toString('base64url') : '');
export function decodeCursor(s: string | null | undefined): StageCursor {
  if (!s) return {};
  return JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as StageCursor;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A page read from an index while someone is transferred may list an evaluation twice: once is enough. */
export function uniqueByNip<T extends { nip: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((e) => !seen.has(e.nip) && (seen.add(e.nip), true));
}

/** A memo for roster look-ups within one invocation. */
export function memo<K, V>(load: (k: K) => Promise<V>): (k: K) => Promise<V> {
  const cache = new Map<K, Promise<V>>();
  return (k) => {
    let v = cache.get(k);
    if (!v) {
      v = load(k);
      cache.set(k, v);
    }
    return v;
  };
}
