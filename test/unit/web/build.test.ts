/**
 * The built app: index.html boots the app's own entry (esbuild marks every lazily loaded screen's chunk
 * as an entry point too; picking one of those gave a blank page), and a first visit stays within the
 * issue's budget of 80 KB gzip of JavaScript.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, type WebBuild } from '../../../web/build';

describe('the web build', () => {
  let web: WebBuild;
  beforeAll(async () => {
    web = await buildWeb(path.join(mkdtempSync(path.join(tmpdir(), 'asn-web-build-')), 'dist'));
  }, 60_000);

  it("loads the app's entry, the module that renders the app, from index.html", () => {
    const html = readFileSync(path.join(web.outDir, 'index.html'), 'utf8');
    const src = /<script type="module" src="\/([^"]+)"/.exec(html)?.[1];
    expect(src).toBe(web.js);
    expect(path.basename(web.js)).toMatch(/^app-/);
    // The entry mounts the app on #app (main.tsx); a screen's chunk does not.
    expect(readFileSync(path.join(web.outDir, web.js), 'utf8')).toContain('getElementById("app")');
  });

  it('keeps the first-load JavaScript under 80 KB gzip, the HR console and the screens loading later', () => {
    expect(web.jsGzipBytes).toBeLessThanOrEqual(80 * 1024);
    expect(web.lazyGzipBytes).toBeGreaterThan(0);
  });
});
