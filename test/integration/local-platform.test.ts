/**
 * The platform of the local stack, end to end over HTTP: the local OpenID Connect provider (discovery,
 * the sign-in page listing the roster, authorization code with PKCE S256, tokens the local JWT authorizer
 * accepts), the web app served for every non-API path with the CloudFront headers, /config.json, and a
 * bukti dukung upload through a presigned PUT to the local S3 endpoint (s3rver), confirmed, listed and
 * downloaded. The sign-in page is checked with axe-core in Chromium when it is installed.
 */
import '../../local/sfn/polyfill';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s256 } from '../../local/oidc/provider';
import { seedRoster } from '../../local/run-cycle';
import { loadSampleAgency } from '../../local/sample/schema';
import { type LocalStack, startLocalStack } from '../../local/stack';
import { chromiumAvailable, launchChromium, resultPath } from '../support/browser';

const sample = loadSampleAgency();
const workDir = mkdtempSync(path.join(tmpdir(), 'asn-platform-'));
const webDir = path.join(workDir, 'web-dist');
let stack: LocalStack;
const plan = sample.plans.find((p) => !sample.employees.find((e) => e.nip === p.nip)?.isUnitHead)!;
const employee = sample.employees.find((e) => e.nip === plan.nip)!;
const cycleId = `${sample.agencyId}-${sample.year}`;

beforeAll(async () => {
  mkdirSync(path.join(webDir, 'assets'), { recursive: true });
  writeFileSync(
    path.join(webDir, 'index.html'),
    '<!doctype html><html lang="id"><title>Kinerja</title><script type="module" src="/assets/app.0123abcd.js"></script></html>',
  );
  writeFileSync(path.join(webDir, 'assets', 'app.0123abcd.js'), 'console.log(1)');
  stack = await startLocalStack({ workDir, webDir, timeScale: 1e-5 });
  await seedRoster(sample);
  // One evaluation in the mid-year period, written through the same ports the handlers use.
  await import('../../shared/composition');
  const { ports } = await import('../../shared/application/context');
  const { DEFAULT_SCHEDULE } = await import('../../shared/domain/lifecycle/schedule');
  const { DEFAULT_POLICY_ID } = await import('../../shared/domain/policies');
  const at = new Date().toISOString();
  await ports().cycles.create({
    cycleId,
    agencyId: sample.agencyId,
    year: sample.year,
    policyId: DEFAULT_POLICY_ID,
    status: 'ACTIVE',
    stage: 'MIDYEAR',
    version: 1,
    schedule: DEFAULT_SCHEDULE,
    createdAt: at,
  });
  const rater = sample.employees.find((e) => e.nip === employee.raterNip)!;
  await ports().evaluations.create(
    {
      cycleId,
      nip: employee.nip,
      name: employee.name,
      jabatan: employee.jabatan,
      unitId: employee.unitId,
      raterNip: employee.raterNip,
      approverNip: rater.raterNip ?? null,
      isUnitHead: false,
      status: 'MONITORING',
      version: 1,
      policyId: DEFAULT_POLICY_ID,
      skp: plan.skp,
      updatedAt: at,
    },
    { eventId: 'seed', at, actor: { role: 'system' }, action: 'SEEDED' },
  );
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

/** Signs in as `nip` through the sign-in page's form, as a browser would, and returns the token response. */
async function signIn(nip: string) {
  const verifier = 'v'.repeat(20) + Math.random().toString(36).slice(2).padEnd(30, 'x');
  const params = new URLSearchParams({
    client_id: stack.oidc.clientId,
    redirect_uri: `${stack.webUrl}/auth/callback`,
    response_type: 'code',
    scope: 'openid profile email',
    state: 'st-1',
    nonce: 'n-1',
    code_challenge: s256(verifier),
    code_challenge_method: 'S256',
  });
  const form = new URLSearchParams(params);
  form.set('nip', nip);
  const res = await fetch(`${stack.oidc.issuer}/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get('location')!);
  expect(`${back.origin}${back.pathname}`).toBe(`${stack.webUrl}/auth/callback`);
  expect(back.searchParams.get('state')).toBe('st-1');
  const code = back.searchParams.get('code')!;
  const token = (v: string) =>
    fetch(`${stack.oidc.issuer}/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: params.get('redirect_uri')!,
        client_id: stack.oidc.clientId,
        code_verifier: v,
      }),
    });
  return { code, token, verifier };
}

describe('local OpenID Connect provider', () => {
  it('publishes discovery and keys under the issuer; /config.json points the app at it', async () => {
    const discovery = await (await fetch(`${stack.oidc.issuer}/.well-known/openid-configuration`)).json();
    expect(discovery).toMatchObject({
      issuer: stack.oidc.issuer,
      authorization_endpoint: `${stack.oidc.issuer}/authorize`,
      token_endpoint: `${stack.oidc.issuer}/token`,
      code_challenge_methods_supported: ['S256'],
    });
    const jwks = await (await fetch(discovery.jwks_uri)).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', kid: stack.jwtKeys.kid });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const config = await fetch(`${stack.webUrl}/config.json`);
    expect(await config.json()).toEqual({ authority: stack.oidc.issuer, clientId: 'asn-kinerja', scope: 'openid profile email' });
  });

  it('the sign-in page lists the roster grouped by unit, with search; refuses a foreign redirect_uri', async () => {
    const base = {
      client_id: 'asn-kinerja',
      redirect_uri: `${stack.webUrl}/`,
      response_type: 'code',
      scope: 'openid',
      code_challenge: s256('x'.repeat(43)),
      code_challenge_method: 'S256',
    };
    const page = await fetch(`${stack.oidc.issuer}/authorize?${new URLSearchParams(base)}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const text = await page.text();
    expect(text).toContain(employee.name);
    expect(text).toContain('HR (pengelola kinerja)');
    const searched = await (await fetch(`${stack.oidc.issuer}/authorize?${new URLSearchParams({ ...base, q: employee.name })}`)).text();
    expect(searched).toContain(employee.name);
    expect(searched).toMatch(/1 dari \d+ pegawai/);
    const foreign = await fetch(`${stack.oidc.issuer}/authorize?${new URLSearchParams({ ...base, redirect_uri: 'https://evil.example/cb' })}`);
    expect(foreign.status).toBe(400);
  });

  it('code + PKCE → tokens the API accepts; a wrong verifier or a reused code gets invalid_grant', async () => {
    const wrong = await signIn(employee.nip);
    const refused = await wrong.token('w'.repeat(50));
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toBe('invalid_grant');
    expect((await wrong.token(wrong.verifier)).status).toBe(400); // the code was used by the refused attempt

    const ok = await signIn(employee.nip);
    const res = await ok.token(ok.verifier);
    expect(res.status).toBe(200);
    const tokens = await res.json();
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const claims = JSON.parse(Buffer.from(tokens.id_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({
      iss: stack.oidc.issuer,
      aud: 'asn-kinerja',
      sub: employee.nip,
      'custom:nip': employee.nip,
      nonce: 'n-1',
      name: employee.name,
    });
    const detail = await fetch(`${stack.apiUrl}/v1/cycles/${cycleId}/evaluations/${employee.nip}`, { headers: { authorization: `Bearer ${tokens.id_token}` } });
    expect(detail.status).toBe(200);
    const forged = await fetch(`${stack.apiUrl}/v1/cycles/${cycleId}/evaluations/${employee.nip}`, {
      headers: { authorization: `Bearer ${tokens.id_token}x` },
    });
    expect(forged.status).toBe(401);
  });

  it('the sign-in page has no serious or critical axe-core violations at 390 px', async () => {
    if (!chromiumAvailable('local sign-in page')) return;
    const { default: AxeBuilder } = await import('@axe-core/playwright');
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
      const params = new URLSearchParams({
        client_id: 'asn-kinerja',
        redirect_uri: `${stack.webUrl}/`,
        response_type: 'code',
        scope: 'openid',
        code_challenge: s256('y'.repeat(43)),
        code_challenge_method: 'S256',
      });
      await page.goto(`${stack.oidc.issuer}/authorize?${params}`);
      await page.screenshot({ path: resultPath('local-signin', 'signin-390.png'), fullPage: false });
      const result = await new AxeBuilder({ page }).analyze();
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      // Choosing a person signs in: the browser lands on the app with a code.
      await page
        .getByRole('button', { name: new RegExp(employee.name) })
        .first()
        .click();
      await page.waitForURL((u) => u.searchParams.has('code'));
    } finally {
      await browser.close();
    }
  });
});

describe('the web app on the local server', () => {
  it('serves index.html for app paths, assets with their type and a year of cache, the CloudFront headers; API paths stay API', async () => {
    const app = await fetch(`${stack.webUrl}/siklus/${cycleId}/progres`);
    expect(app.status).toBe(200);
    expect(app.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(app.headers.get('cache-control')).toBe('no-cache');
    const csp = app.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`connect-src 'self' ${stack.s3.endpoint}`);
    expect(app.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await app.text()).toContain('/assets/app.0123abcd.js');
    const asset = await fetch(`${stack.webUrl}/assets/app.0123abcd.js`);
    expect([asset.status, asset.headers.get('content-type'), asset.headers.get('cache-control')]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
    ]);
    expect((await fetch(`${stack.webUrl}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${stack.webUrl}/assets/..%2f..%2fkeys/jwt-private.json`)).status).toBe(404);
    const api = await fetch(`${stack.webUrl}/v1/nothing-here`);
    expect([api.status, api.headers.get('content-type')]).toEqual([404, 'application/json']);
  });
});

describe('bukti dukung through the local S3 endpoint', () => {
  it('upload URL → PUT to s3rver → confirm → listed for the rater → downloaded → deleted', async () => {
    const self = await stack.token(employee.nip, ['employee']);
    const rater = await stack.token(employee.raterNip!, ['employee']);
    const base = `${stack.apiUrl}/v1/cycles/${cycleId}/evaluations/${employee.nip}/evidence`;
    const json = { 'content-type': 'application/json' };
    const pdf = Buffer.from('%PDF-1.4\n% bukti dukung lokal\n%%EOF\n');
    const rhk = plan.skp.rhk[0]!;
    const asked = await fetch(`${base}/uploads`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${self}` },
      body: JSON.stringify({ rhkId: rhk.id, indicatorId: rhk.indicators[0]!.id, fileName: 'laporan.pdf', contentType: 'application/pdf', size: pdf.length }),
    });
    expect(asked.status, await asked.clone().text()).toBe(201);
    const { evidenceId, upload } = await asked.json();
    expect(upload.url.startsWith(`${stack.s3.endpoint}/${stack.s3.bucket}/evidence/${sample.agencyId}/${cycleId}/${employee.nip}/`)).toBe(true);
    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: pdf });
    expect(put.status).toBe(200);
    const confirmed = await fetch(`${base}/${evidenceId}/confirm`, { method: 'POST', headers: { authorization: `Bearer ${self}` } });
    expect(confirmed.status, await confirmed.clone().text()).toBe(200);

    const list = await (await fetch(base, { headers: { authorization: `Bearer ${rater}` } })).json();
    expect(list.items).toHaveLength(1);
    const download = await fetch(list.items[0].downloadUrl);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);

    const deleted = await fetch(`${base}/${evidenceId}`, { method: 'DELETE', headers: { authorization: `Bearer ${self}` } });
    expect(deleted.status).toBe(200);
    expect((await (await fetch(base, { headers: { authorization: `Bearer ${self}` } })).json()).items).toEqual([]);
  });
});
