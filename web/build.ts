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
  jsBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));

function indexHtml(js: string, css: string): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>Kinerja ASN</title>
<link rel="stylesheet" href="/${css}">
<script type="module" src="/${js}"></script>
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
    target: ['es2020'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: path.join(out, 'assets'),
    entryNames: 'app-[hash]',
    assetNames: '[name]-[hash]',
    metafile: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const outputs = Object.keys(result.metafile.outputs).map((p) => path.relative(out, path.resolve(p)));
  const js = outputs.find((p) => p.endsWith('.js'))!;
  const css = outputs.find((p) => p.endsWith('.css'))!;
  writeFileSync(path.join(out, 'index.html'), indexHtml(js, css));
  const jsText = readFileSync(path.join(out, js));
  return {
    outDir: out,
    js,
    css,
    jsBytes: jsText.length,
    jsGzipBytes: gzipSync(jsText, { level: 9 }).length,
    cssGzipBytes: gzipSync(readFileSync(path.join(out, css)), { level: 9 }).length,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWeb(process.argv[2]).then((b) => {
    console.log(
      `web app → ${b.outDir}: ${b.js} ${(b.jsBytes / 1024).toFixed(1)} KB (${(b.jsGzipBytes / 1024).toFixed(1)} KB gzip), ${b.css} (${(b.cssGzipBytes / 1024).toFixed(1)} KB gzip)`,
    );
  });
}
