/**
 * 405 Method Not Allowed with `Allow`: the answer of a method no route serves on a known path (issue 17).
 * On the wire it comes from the path's `ANY` fallback route (METHOD_FALLBACK_ROUTES in ./routes.ts), answered
 * by the router (./router.ts) — or by the openapi function, which has no router. Kept apart from ./problem.ts
 * (zod's locales, the logger) so that function stays small; the body is the same RFC 9457 problem+json,
 * Bahasa Indonesia in `detail`, English in `detail_en`.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { allowedMethods, fallbackPathOf } from './routes';

/** The answer; `allow` as the route table gives it (never empty on a known path). */
export function methodNotAllowedAnswer(method: string, allow: readonly string[], instance?: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 405,
    headers: {
      'content-type': 'application/problem+json',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff', // as SECURITY_HEADERS in ./problem.ts
      allow: allow.join(', '),
    },
    body: JSON.stringify({
      type: 'https://asn-kinerja.example/problems/405',
      title: 'Method Not Allowed',
      status: 405,
      detail: `Metode ${method} tidak didukung di alamat ini; yang didukung: ${allow.join(', ')}`,
      detail_en: `Method ${method} is not supported here; supported: ${allow.join(', ')}`,
      ...(instance ? { instance } : {}),
    }),
  };
}

/** The answer for an event of a fallback route (`ANY /path`), or undefined for any other route. */
export function fallbackAnswer(event: {
  routeKey?: string;
  rawPath?: string;
  requestContext?: { http?: { method?: string } };
}): APIGatewayProxyStructuredResultV2 | undefined {
  const path = fallbackPathOf(event.routeKey);
  if (path === undefined) return undefined;
  return methodNotAllowedAnswer(event.requestContext?.http?.method ?? '', allowedMethods(path), event.rawPath);
}
