/**
 * The web app on the local HTTP server, as CloudFront serves it in AWS (infra/constructs/web-hosting.ts):
 * the files of `web/dist` for every path that is not an API or local route; a path without a file
 * extension that is not a file gets index.html (the SPA's own routes); `/config.json` says where to
 * sign in; the same security headers and CSP (infra/web-security.ts); hashed assets cached for a year,
 * the rest revalidated.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { cacheControlFor, contentSecurityPolicy, isAppPath, SECURITY_HEADERS } from '../../infra/web-security';
import type { PageAnswer, PageRequest } from '../oidc/types';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** What the app reads from /config.json (the same shape CloudFront serves from the app bucket). */
export interface WebConfig {
  authority: string;
  clientId: string;
  scope: string;
  [extra: string]: unknown;
}

export interface LocalWebOptions {
  /** The built app (web/dist). */
  root: string;
  config: () => WebConfig;
  /** Origins the app calls besides its own (the files endpoint; the issuer when elsewhere). */
  connect: () => readonly string[];
}

const NOT_BUILT = `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Kinerja ASN</title></head>
<body><main><h1>Aplikasi web belum dibangun</h1><p>Folder <code>web/dist</code> kosong. <code>npm start</code> membangunnya (web/build.ts); API tetap berjalan di alamat ini.</p>
<p lang="en">The web app is not built yet (web/dist is empty); <code>npm start</code> builds it. The API runs at this address.</p></main></body></html>`;

export function localWeb(options: LocalWebOptions) {
  const root = path.resolve(options.root);
  const headers = (extra: Record<string, string>): Record<string, string> => ({
    ...SECURITY_HEADERS,
    // http://127.0.0.1: no upgrade-insecure-requests (and HSTS is ignored by browsers on http).
    'content-security-policy': contentSecurityPolicy({ connect: options.connect(), formAction: [], img: options.connect() }),
    ...extra,
  });

  async function file(rel: string): Promise<{ body: Buffer; type: string } | undefined> {
    const full = path.resolve(root, `.${rel}`);
    if (full !== root && !full.startsWith(`${root}${path.sep}`)) return undefined; // no way out of web/dist
    try {
      if (!(await stat(full)).isFile()) return undefined;
      return { body: await readFile(full), type: CONTENT_TYPES[path.extname(full).toLowerCase()] ?? 'application/octet-stream' };
    } catch {
      return undefined;
    }
  }

  return async function handle(req: PageRequest): Promise<PageAnswer | undefined> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
    let rel: string;
    try {
      rel = decodeURIComponent(req.rawPath);
    } catch {
      return undefined;
    }
    if (rel.includes('\0')) return undefined;
    if (rel === '/config.json') {
      return {
        status: 200,
        headers: headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' }),
        body: JSON.stringify(options.config()),
      };
    }
    const direct = rel.endsWith('/') ? undefined : await file(rel);
    if (direct) return { status: 200, headers: headers({ 'content-type': direct.type, 'cache-control': cacheControlFor(rel) }), body: direct.body };
    if (!isAppPath(rel) && !rel.endsWith('/')) return undefined; // a missing asset: 404, not the app
    const index = await file('/index.html');
    if (!index) return { status: 503, headers: headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }), body: NOT_BUILT };
    return { status: 200, headers: headers({ 'content-type': index.type, 'cache-control': 'no-cache' }), body: index.body };
  };
}
