/**
 * `npm run bench -- app [--runs=5]`: the web app's first-load JavaScript (gzip) and how long Beranda takes to
 * become usable on a slow phone connection: Chromium with network throttling (400 kbit/s down and up,
 * 400 ms latency), cold cache, against the local stack with a small cycle in its planning stage.
 * "Usable" = Beranda's list of what waits for the person is on the screen (the API answered, the app
 * rendered), measured from navigation start with the page's own clock. Target: ≤ 80 KB gzip, ≤ 3 s.
 *
 * The app is served on the API's origin: by the local stack when it serves web/dist itself, otherwise by
 * a small static server here that forwards /v1/* to the local HTTP API (so every byte crosses the
 * throttled network). Sign-in is the stored oidc-client-ts session with a local-stack token.
 */
import '../local/sfn/polyfill';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApiClient } from '../local/people';
import { startLocalStack } from '../local/stack';
import { putEmployee, putUnit } from '../shared/adapters/dynamodb/repository';
import { chromiumAvailable, launchChromium } from '../test/support/browser';
import { buildWeb } from '../web/build';
import { log, median, sleep } from './lib/util';

const THROTTLE = { latencyMs: 400, kbps: 400 };
const YEAR = 2026;
const EMP = { nip: '199201072017041010', name: 'Dimas Arya Pratama, S.Kom.', jabatan: 'Pranata Komputer Ahli Pertama' };
const RATER = { nip: '198010102003012007', name: 'Endang Sri Rahayu, S.Sos., M.M.', jabatan: 'Sekretaris Kecamatan' };
const HEAD = { nip: '197704202004011003', name: 'Moch. Ridwan Hakim, S.STP., M.Si.', jabatan: 'Camat Asemrowo' };
const EXT = { nip: '196901281995031005', name: 'Drs. Bambang Suryo Atmodjo, M.Si.', jabatan: 'Sekretaris Daerah Kota Surabaya' };

/** Serves the built app and forwards /v1/* to the API (until the local stack serves web/dist itself). */
function appServer(outDir: string, apiUrl: string, config: object): Promise<Server> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/v1/')) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection'].includes(k))) as Record<string, string>;
      const upstream = await fetch(`${apiUrl.replace(/\/$/, '')}${url.pathname}${url.search}`, {
        method: req.method,
        headers,
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
      return;
    }
    if (url.pathname === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(config));
      return;
    }
    const file = url.pathname.startsWith('/assets/') ? path.join(outDir, url.pathname) : path.join(outDir, 'index.html');
    try {
      const body = readFileSync(file);
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8';
      // Compressed as CloudFront serves it (brotli/gzip): the bytes a phone downloads.
      const { gzipSync } = await import('node:zlib');
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip' });
      res.end(gzipSync(body));
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function benchApp(runs = 5) {
  const workDir = mkdtempSync(path.join(tmpdir(), 'asn-bench-app-'));
  const web = await buildWeb(path.join(workDir, 'web'));
  log(`  app bundle: ${web.js} ${(web.jsBytes / 1024).toFixed(1)} KB, ${(web.jsGzipBytes / 1024).toFixed(1)} KB gzip`);
  const base = {
    result: { jsBytes: web.jsBytes, jsGzipBytes: web.jsGzipBytes, cssGzipBytes: web.cssGzipBytes, budgetGzipBytes: 80 * 1024 },
    rows: [{ metric: 'first-load JS (gzip)', value: `${(web.jsGzipBytes / 1024).toFixed(1)} KB`, target: '≤ 80 KB', met: web.jsGzipBytes <= 80 * 1024 }],
  };
  if (!chromiumAvailable('bench app')) return base;

  const stack = await startLocalStack({ workDir, timeScale: 1e-5, webDir: web.outDir });
  let server: Server | undefined;
  const browser = await launchChromium();
  try {
    const agency = stack.agencyId;
    await putUnit(agency, { unitId: 'kec-asemrowo', name: 'Kecamatan Asemrowo', headNip: HEAD.nip });
    await putUnit(agency, { unitId: 'sekretariat', name: 'Sekretariat Kecamatan Asemrowo', parentUnitId: 'kec-asemrowo', headNip: RATER.nip });
    const common = { locale: 'id' as const, competencies: [], jenis: 'PNS' as const };
    await putEmployee(agency, { ...EXT, ...common, email: 'ext@example.go.id', unitId: 'pemkot', isUnitHead: false, external: true });
    await putEmployee(agency, { ...HEAD, ...common, email: 'head@example.go.id', unitId: 'kec-asemrowo', raterNip: EXT.nip, isUnitHead: true });
    await putEmployee(agency, { ...RATER, ...common, email: 'rater@example.go.id', unitId: 'sekretariat', raterNip: HEAD.nip, isUnitHead: true });
    await putEmployee(agency, { ...EMP, ...common, email: 'emp@example.go.id', unitId: 'sekretariat', raterNip: RATER.nip, isUnitHead: false });
    const api = new ApiClient(stack.apiUrl, (nip, roles) => stack.token(nip, roles));
    const hr = { nip: EXT.nip, roles: ['hr', 'employee'] as ('hr' | 'employee')[] };
    await api.expect('POST', '/v1/cycles', hr, { year: YEAR });
    for (;;) {
      const s = await api.expect('GET', `/v1/cycles/kec-asemrowo-${YEAR}`, hr);
      if (s.cycle.stage === 'PLANNING' && s.stages.find((x: any) => x.stage === 'PLANNING')?.readyAt) break;
      await sleep(50);
    }

    // The stack's own server when it serves the app (as local/http/web.ts does: uncompressed), and the same
    // app gzip-compressed as CloudFront serves it (the static server here, forwarding /v1/* to the stack).
    const stackOrigin = stack.apiUrl.replace(/\/$/, '');
    const served = await fetch(`${stackOrigin}/`, { headers: { accept: 'text/html' } })
      .then(async (r) => r.ok && (await r.text()).includes('id="app"'))
      .catch(() => false);
    const stackConfig = served ? await fetch(`${stackOrigin}/config.json`).then((r) => (r.ok ? r.json() : undefined)) : undefined;
    const config = (stackConfig as { authority: string; clientId: string } | undefined) ?? {
      authority: `${stackOrigin}/local-oidc`,
      clientId: 'asn-kinerja',
      scope: 'openid',
    };
    server = await appServer(web.outDir, stack.apiUrl, config);
    const gzipOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const token = await stack.token(EMP.nip, ['employee'], EMP.name);
    const user = {
      id_token: token,
      access_token: token,
      token_type: 'Bearer',
      profile: { sub: EMP.nip, name: EMP.name },
      expires_at: Math.floor(Date.now() / 1000) + 3600,
    };

    async function coldLoads(origin: string): Promise<number[]> {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
        await context.addInitScript(
          ([key, value]) => {
            window.sessionStorage.setItem(key, value);
          },
          [`oidc.user:${config.authority}:${config.clientId}`, JSON.stringify(user)] as const,
        );
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: THROTTLE.latencyMs,
          downloadThroughput: (THROTTLE.kbps * 1000) / 8,
          uploadThroughput: (THROTTLE.kbps * 1000) / 8,
        });
        await page.goto(`${origin}/`);
        await page.waitForSelector('#waiting-title', { timeout: 60_000 });
        await page.getByText('Susun dan ajukan SKP Anda').waitFor({ timeout: 60_000 });
        times.push(Math.round(await page.evaluate(() => performance.now())));
        await context.close();
      }
      return times;
    }
    const gzipTimes = await coldLoads(gzipOrigin);
    const stackTimes = served ? await coldLoads(stackOrigin) : [];
    const gzipMs = Math.round(median(gzipTimes));
    const stackMs = stackTimes.length ? Math.round(median(stackTimes)) : undefined;
    log(
      `  Beranda usable (throttled ${THROTTLE.kbps} kbit/s, ${THROTTLE.latencyMs} ms), median of ${runs} cold loads: gzip as CloudFront ${gzipMs} ms; local stack's server (uncompressed) ${stackMs ?? '—'} ms`,
    );
    const row = (label: string, ms: number) => ({
      metric: `Beranda usable, cold, ${THROTTLE.kbps} kbit/s + ${THROTTLE.latencyMs} ms, ${label} (median of ${runs})`,
      value: `${(ms / 1000).toFixed(2)} s`,
      target: '≤ 3 s',
      met: ms <= 3000,
    });
    return {
      result: {
        ...base.result,
        throttle: THROTTLE,
        runs,
        gzip: { usableMs: gzipTimes, usableMedianMs: gzipMs },
        ...(stackMs !== undefined ? { localStackServer: { usableMs: stackTimes, usableMedianMs: stackMs } } : {}),
      },
      rows: [
        ...base.rows,
        row('assets gzip (as CloudFront serves them)', gzipMs),
        ...(stackMs !== undefined ? [row("local stack's server, uncompressed", stackMs)] : []),
      ],
    };
  } finally {
    await browser.close();
    server?.close();
    await stack.stop();
  }
}
