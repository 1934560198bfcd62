import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type Locale, t } from '../i18n';
import { html, raw, type SafeHtml, safeUrl } from './html';

/**
 * One stylesheet for every page (inline: CSP allows no external assets). Contrast ≥ 4.5:1 for text,
 * visible focus rings, 48 px tap targets, a single column that reads at 360 px.
 */
export const PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#f3f4f6;color:#1f2937;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;overflow-wrap:anywhere}
.skip{position:absolute;left:-9999px;top:0}
.skip:focus{left:8px;top:8px;background:#fff;color:#0b3d91;padding:8px 12px;z-index:10}
.site{background:#0b3d91;color:#fff;padding:12px 16px;font-weight:bold;font-size:1.0625rem}
.site span{font-weight:normal;font-size:.875rem}
main{display:block;max-width:720px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;line-height:1.25;margin:8px 0 12px}
h2{font-size:1.1875rem;line-height:1.3;margin:0 0 8px}
p{margin:0 0 12px}
.panel{background:#fff;border:1px solid #d1d5db;border-radius:6px;padding:16px;margin:0 0 16px}
.notice{border-left:5px solid #0b3d91;background:#e8eefb;padding:10px 12px;margin:0 0 16px}
.alert{border-left:5px solid #991b1b;background:#fdecec;color:#7f1d1d;padding:10px 12px;margin:0 0 16px;font-weight:bold}
.ok{border-left:5px solid #166534;background:#e9f6ee;padding:10px 12px;margin:0 0 16px}
.muted{color:#4b5563}
label{display:block;font-weight:bold;margin:0 0 4px}
.hint{color:#4b5563;font-size:.9375rem;margin:0 0 6px}
textarea{display:block;width:100%;min-height:6.5rem;font:inherit;padding:8px;border:2px solid #4b5563;border-radius:4px;color:#1f2937;background:#fff;margin:0 0 12px;resize:vertical}
textarea[aria-invalid="true"]{border-color:#991b1b}
button{font:inherit;font-weight:bold;min-height:48px;min-width:48px;padding:10px 22px;border-radius:4px;cursor:pointer;border:2px solid transparent}
.btn-approve{background:#166534;color:#fff;border-color:#166534}
.btn-approve:hover{background:#14532d}
.btn-return{background:#fff;color:#991b1b;border-color:#991b1b}
.btn-return:hover{background:#fdecec}
a{color:#0b3d91}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:3px}
button:focus-visible,textarea:focus-visible{outline:3px solid #1d4ed8;outline-offset:3px;box-shadow:0 0 0 6px #fde68a}
.items{list-style:none;margin:0;padding:0}
.items>li{margin:0 0 16px}
.scroll{overflow-x:auto}
.site-footer{color:#4b5563;font-size:.875rem;text-align:center;padding:8px 16px 24px}
@media (max-width:480px){main{padding:10px}.panel{padding:12px}button{width:100%}h1{font-size:1.3125rem}}
/* Phones: a four-column RHK table does not fit 360 px, so each indicator row stacks: the indicator on
   its own line, then target, realisation and achievement side by side. Table semantics are kept. */
@media (max-width:480px){
.item table:not([role=presentation]),.item table:not([role=presentation])>*{display:block;width:100%}
.item table:not([role=presentation]) tr{display:flex;flex-wrap:wrap}
.item table:not([role=presentation])>thead{border-top:1px solid #d1d5db}
.item table:not([role=presentation])>thead,.item table:not([role=presentation])>tbody{border-left:1px solid #d1d5db}
.item table:not([role=presentation]) th,.item table:not([role=presentation]) td{flex:1 1 0;min-width:0;width:auto!important;white-space:normal!important;overflow-wrap:break-word!important;border-width:0 1px 1px 0!important}
.item table:not([role=presentation]) tr>:first-child{flex-basis:100%}
/* Stacked cells keep their column's name: the header row is hidden, each value says what it is. */
.item table:not([role=presentation])>thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.item table:not([role=presentation]) td[data-label]::before{content:attr(data-label);display:block;font-size:.8125rem;font-weight:bold;color:#4b5563}
}
.lang{text-align:right;margin:0 0 4px}
.lang a{display:inline-block;padding:10px 4px;min-height:44px}
select{display:block;width:100%;font:inherit;min-height:48px;padding:8px;border:2px solid #4b5563;border-radius:4px;background:#fff;color:#1f2937;margin:0 0 12px}
.facts{width:100%;border-collapse:collapse;margin:0 0 12px}
.facts th,.facts td{text-align:left;vertical-align:top;padding:4px 8px 4px 0}
.facts th{color:#4b5563;font-weight:normal;width:42%}
blockquote{margin:0 0 12px;padding:8px 12px;border-left:4px solid #0b3d91;background:#fff7e0;white-space:pre-line}
.btn-link{display:inline-block;padding:12px 4px;min-height:48px}
`.trim();

/**
 * A page. `switchUrl`: the same page in the other language (a GET that changes nothing), offered at the
 * top so a recipient can switch whatever language the link opened in.
 */
export function pageLayout(locale: Locale, title: string, main: SafeHtml, extraCss = '', switchUrl?: string): string {
  const other: Locale = locale === 'id' ? 'en' : 'id';
  return html`<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${title} — ${t(locale, 'app.name')}</title>
<style>${raw(PAGE_CSS)}${raw(extraCss ? `\n${extraCss}` : '')}</style>
</head>
<body>
<a class="skip" href="#main">${t(locale, 'page.skipToContent')}</a>
<header class="site" role="banner">${t(locale, 'app.name')} <span>· ${t(locale, 'app.tagline')}</span></header>
<main id="main" tabindex="-1">
${
  switchUrl
    ? html`<nav class="lang" aria-label="${t(locale, 'page.language.switchLabel')}"><a href="${safeUrl(switchUrl)}" lang="${other}" hreflang="${other}">${t(locale, 'page.language.switch')}</a></nav>`
    : ''
}
${main}
</main>
<footer class="site-footer" role="contentinfo">${t(locale, 'page.footer')}</footer>
</body>
</html>
`.value;
}

/** The Content-Security-Policy of every page: no scripts, no external anything, forms post to self only. */
export const PAGE_CSP = ["default-src 'none'", "style-src 'unsafe-inline'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"].join('; ');

export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'content-security-policy': PAGE_CSP,
  // The page URL carries a signed link: never send it onward in a Referer.
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-robots-tag': 'noindex, nofollow',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * An API Gateway (payload 2.0) result carrying a page. For HEAD, the handler sends the same status
 * and headers with an empty body: `{ ...htmlResponse(200, page), body: '' }`.
 */
export function htmlResponse(
  statusCode: number,
  body: string,
  extraHeaders: Record<string, string> = {},
): { statusCode: number; headers: Record<string, string>; body: string; isBase64Encoded: false } & APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { ...PAGE_HEADERS, ...extraHeaders }, body, isBase64Encoded: false };
}
