/**
 * The HTTP contract as the tests check it: the statuses the OpenAPI document gives each route, and which
 * observed statuses it does not document. Generic over the route table: a route nobody has exercised yet
 * passes (nothing observed), a route that answered a status its document lacks fails.
 */
import { buildOpenApiDocument } from '../../shared/http/openapi';
import { ROUTES, type Route, routeKeyOf } from '../../shared/http/routes';
import type { Observed } from './contract-observations';

type Doc = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

/** Route key → the statuses its operation documents. */
export function documentedStatuses(routes: readonly Route[] = ROUTES, doc: Doc = buildOpenApiDocument() as Doc): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of routes) {
    const op = doc.paths[r.path]?.[r.method.toLowerCase()];
    out.set(
      routeKeyOf(r),
      op
        ? Object.keys(op.responses)
            .map(Number)
            .sort((a, b) => a - b)
        : [],
    );
  }
  return out;
}

/** One line per (route, status) observed but not documented; observations of routes not in the table too. */
export function undocumentedStatuses(observed: Observed, documented: Map<string, number[]>): string[] {
  const problems: string[] = [];
  for (const [route, seen] of Object.entries(observed)) {
    const doc = documented.get(route);
    if (!doc) {
      problems.push(`${route}: answered ${seen.statuses.join(', ')} but is not in the route table`);
      continue;
    }
    for (const s of seen.statuses) if (!doc.includes(s)) problems.push(`${route}: answered ${s} (${seen.examples[s] ?? '?'}), documented ${doc.join(', ')}`);
  }
  return problems;
}
