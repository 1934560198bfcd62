/**
 * Files the API gives only with the session's Bearer token (the cycle's CSV export, the HTML report), handed
 * to the browser without anyone pasting a token: fetched with the token, then
 * - a file (CSV, PDF): saved through an object URL and a temporary `<a download>`;
 * - an HTML page (the cycle report): shown in a new tab the app opens itself. That tab (about:blank, same
 *   origin) inherits the app's Content-Security-Policy (infra/web-security.ts: `style-src 'self'`, no inline
 *   style), as a blob: URL would: the report's `<style>` and `style="…"` would be refused there. So the page
 *   is parsed here, its stylesheet given to the tab as a constructed stylesheet (CSSOM, which the CSP allows)
 *   and each `style` attribute set through the element's CSSOM style; scripts are never carried over.
 */
import { ApiError, SignInNeeded } from './api';
import { currentToken, renewSilently } from './auth';
import { isProblem } from './problem';

/** GET with the session's token; a problem+json answer is thrown as ApiError, no session as SignInNeeded. */
export async function fetchWithSession(path: string, accept: string): Promise<Response> {
  let token = await currentToken();
  if (!token && (await renewSilently())) token = await currentToken();
  if (!token) throw new SignInNeeded();
  const send = (t: string) => fetch(path, { headers: { authorization: `Bearer ${t}`, accept: `${accept}, application/problem+json` } });
  let res: Response;
  try {
    res = await send(token);
    if (res.status === 401 && (await renewSilently())) {
      const again = await currentToken();
      if (again) res = await send(again);
    }
  } catch {
    throw new ApiError({ status: 0, detail: 'network', detail_en: 'network' });
  }
  if (res.status === 401) throw new SignInNeeded();
  if (!res.ok) {
    const text = await res.text();
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    throw new ApiError(isProblem(data) ? data : { status: res.status, detail: text.slice(0, 200) });
  }
  return res;
}

/** The file name the server gave (Content-Disposition), else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/** Downloads `path` as a file (the session's token, never in a URL). Resolves with the file name saved. */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  const res = await fetchWithSession(path, 'text/csv, application/octet-stream, application/pdf');
  const name = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Long enough for the browser to start the save.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** A page's stylesheet text and its elements' inline styles, taken out so the markup carries none. */
export function withoutInlineStyles(doc: Document): { css: string; styles: Map<Element, string> } {
  const css = [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n');
  for (const s of doc.querySelectorAll('style, script, link[rel="stylesheet"], meta[http-equiv]')) s.remove();
  const styles = new Map<Element, string>();
  for (const el of doc.querySelectorAll('[style]')) {
    styles.set(el, el.getAttribute('style') ?? '');
    el.removeAttribute('style');
  }
  // Event-handler attributes would be refused by the CSP anyway: drop them.
  for (const el of doc.querySelectorAll('*')) for (const a of [...el.attributes]) if (/^on/i.test(a.name)) el.removeAttribute(a.name);
  return { css, styles };
}

/**
 * Opens an HTML page of the API (the cycle report) in a new tab. Call it straight from a click: the tab is
 * opened before the fetch, so no pop-up blocker stops it; it says `loadingText` until the page is in.
 * Resolves false when the browser refused to open a tab (the caller says so).
 */
export async function openHtmlPage(path: string, loadingText: string): Promise<boolean> {
  const tab = window.open('', '_blank');
  if (!tab) return false;
  tab.document.title = loadingText;
  tab.document.body.textContent = loadingText;
  try {
    const res = await fetchWithSession(path, 'text/html');
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    const { css, styles } = withoutInlineStyles(doc);
    const target = tab.document;
    // Paths of the styled elements, so each style lands on its copy in the tab.
    const order = [...doc.querySelectorAll('*')];
    const styledAt = new Map([...styles].map(([el, style]) => [order.indexOf(el), style]));
    const copy = target.importNode(doc.documentElement, true);
    target.replaceChild(copy, target.documentElement);
    const sheet = new (tab as unknown as typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(css);
    target.adoptedStyleSheets = [sheet];
    const copies = [...target.querySelectorAll('*')];
    for (const [i, style] of styledAt) {
      const el = copies[i] as HTMLElement | SVGElement | undefined;
      if (el?.style) el.style.cssText = style;
    }
    target.title = doc.title || loadingText;
    return true;
  } catch (err) {
    tab.close();
    throw err;
  }
}
