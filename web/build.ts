/**
 * Builds the web app: esbuild bundles web/src/main.tsx (Preact via the automatic JSX runtime) into
 * content-hashed JS and CSS, and writes index.html naming them. `npx tsx web/build.ts [outDir]`;
 * the local stack and CDK deployment take the output folder as it is.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface WebBuild {
  outDir: string;
  /** Paths under outDir, as index.html names them. */
  js: string;
  css: string;
  /** The entry and the chunks it imports statically: what a first visit downloads before the app runs. */
  firstLoad: string[];
  jsBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
  /** Chunks loaded later (oidc-client-ts: sign-in and renewal), gzip bytes. */
  lazyGzipBytes: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));

function indexHtml(js: string, css: string, chunks: string[]): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>Kinerja ASN</title>
<link rel="stylesheet" href="/${css}">
${chunks.map((c) => `<link rel="modulepreload" href="/${c}">\n`).join('')}<script type="module" src="/${js}"></script>
</head>
<body>
<div id="app"><noscript>Aplikasi ini memerlukan JavaScript. · This app needs JavaScript.</noscript></div>
</body>
</html>
`;
}

export async function buildWeb(outDir = 'web/dist'): Promise<WebBuild> {
  const out = path.resolve(outDir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    entryPoints: [path.join(here, 'src/main.tsx')],
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    target: ['es2020'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: path.join(out, 'assets'),
    entryNames: 'app-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    metafile: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const rel = (p: string) => path.relative(out, path.resolve(p));
  // The app's own entry: with splitting, every lazily imported screen is an entry point of its own too.
  const entry = Object.keys(outputs).find((p) => outputs[p]!.entryPoint?.endsWith('src/main.tsx') && p.endsWith('.js'))!;
  const css = rel(Object.keys(outputs).find((p) => p.endsWith('.css'))!);
  // The entry and its static imports, transitively.
  const first = new Set<string>();
  const walk = (p: string) => {
    if (first.has(p)) return;
    first.add(p);
    for (const i of outputs[p]!.imports) if (i.kind === 'import-statement' && outputs[i.path]) walk(i.path);
  };
  walk(entry);
  const gz = (p: string) => gzipSync(readFileSync(path.resolve(p)), { level: 9 }).length;
  const js = rel(entry);
  writeFileSync(path.join(out, 'index.html'), indexHtml(js, css, [...first].filter((p) => p !== entry).map(rel)));
  const lazy = Object.keys(outputs).filter((p) => p.endsWith('.js') && !first.has(p));
  return {
    outDir: out,
    js,
    css,
    firstLoad: [...first].map(rel),
    jsBytes: [...first].reduce((n, p) => n + outputs[p]!.bytes, 0),
    jsGzipBytes: [...first].reduce((n, p) => n + gz(p), 0),
    cssGzipBytes: gz(path.join(out, css)),
    lazyGzipBytes: lazy.reduce((n, p) => n + gz(p), 0),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWeb(process.argv[2]).then((b) => {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `web app → ${b.outDir}: first-load JS ${b.firstLoad.join(' + ')} ${kb(b.jsBytes)} (${kb(b.jsGzipBytes)} gzip); later ${kb(b.lazyGzipBytes)} gzip; ${b.css} ${kb(b.cssGzipBytes)} gzip`,
    );
  });
}
