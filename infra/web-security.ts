/**
 * The web app's security headers, one definition for both worlds: CloudFront's response-headers policy
 * (infra/constructs/web-hosting.ts) and the local HTTP server that serves web/dist (local/http/web.ts).
 * Plain TypeScript (no CDK) so the local stack can import it.
 *
 * The CSP is strict: scripts and styles from the app's own origin only (no inline script, no eval, no
 * `<style>` or `style="…"` markup — set styles through the DOM, as Preact does); network calls to the
 * origin (the API is on it), the sign-in provider (token endpoint) and the files bucket (presigned
 * PUT/GET); forms post to the origin and the sign-in provider; never framed.
 */

export interface CspSources {
  /** Origins the app calls besides its own: the OIDC issuer, the files bucket. */
  connect: readonly string[];
  /** Where the browser may navigate a form or a redirect to (the sign-in provider). */
  formAction?: readonly string[];
  /** Images from elsewhere (presigned GETs of evidence shown inline). */
  img?: readonly string[];
  /** Ask browsers to upgrade http:// subresources (AWS only: the local stack runs on http). */
  upgradeInsecureRequests?: boolean;
}

export function contentSecurityPolicy(src: CspSources): string {
  const list = (xs: readonly string[] = []) => [...new Set(xs.filter(Boolean))].join(' ');
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${list(src.img)}`.trim(),
    "font-src 'self'",
    `connect-src 'self' ${list(src.connect)}`.trim(),
    `form-action 'self' ${list(src.formAction)}`.trim(),
    "manifest-src 'self'",
    "worker-src 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    ...(src.upgradeInsecureRequests ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Headers besides the CSP, as CloudFront's policy sets them (names in lower case, as HTTP/2 sends them). */
export const SECURITY_HEADERS = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'cross-origin-opener-policy': 'same-origin',
} as const;

/** HSTS in seconds, for CloudFront's typed setting (same as the header above). */
export const HSTS_SECONDS = 63_072_000;

/** Cache rules for the app's files: hashed assets for a year, everything else (index.html, config.json) revalidated. */
export function cacheControlFor(path: string): string {
  if (/\/assets\/|\.[0-9a-f]{8,}\.(js|css|woff2?|png|svg|jpg)$/i.test(path)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

/** A path the SPA answers itself (no file extension): served index.html. */
export const isAppPath = (path: string) => !/\.[A-Za-z0-9]+$/.test(path.split('/').pop() ?? '');
