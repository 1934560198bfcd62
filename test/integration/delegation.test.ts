/**
 * Plt/Plh on the local stack: a rater delegates to an acting official for a date range; the digest
 * and its links go to the acting official, who decides; the audit records both names.
 */
import '../../local/sfn/polyfill';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, actOnLink, parseDecisionLink } from '../../local/people';
import { seedRoster } from '../../local/run-cycle';
import { loadSampleAgency } from '../../local/sample/schema';
import { type LocalStack, startLocalStack } from '../../local/stack';
import { auditTrail, getEvaluation } from '../../shared/adapters/dynamodb/repository';
import { readOutbox } from '../../shared/adapters/mail/outbox';

const sample = loadSampleAgency('local/sample/asemrowo.json');
const byNip = new Map(sample.employees.map((e) => [e.nip, e]));
// The Lurah of Asemrowo goes on leave; the Lurah of Genting Kalianak acts as Plh and approves the plan
// of the Sekretaris Kelurahan Asemrowo, whom the Lurah rates.
const lurah = sample.employees.find((e) => /^Lurah Asemrowo/.test(e.jabatan))!;
const plh = sample.employees.find((e) => /^Lurah Genting Kalianak/.test(e.jabatan))!;
const seklur = sample.employees.find((e) => e.unitId === 'kel-asemrowo' && /Sekretaris Kelurahan/.test(e.jabatan))!;
const cycleId = `${sample.agencyId}-${sample.year}`;
let stack: LocalStack;
let api: ApiClient;
const hr = { nip: sample.employees.find((e) => /Subbagian Umum/.test(e.jabatan) && e.isUnitHead)!.nip, roles: ['hr', 'employee'] as ('hr' | 'employee')[] };
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

async function waitFor<T>(fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  stack = await startLocalStack({ workDir: mkdtempSync(path.join(tmpdir(), 'asn-plh-')), timeScale: 1e-5 });
  await seedRoster(sample);
  api = new ApiClient(stack.apiUrl, (nip, roles) => stack.token(nip, roles));
  await api.expect('POST', '/v1/cycles', hr, { year: sample.year, orgPredikat: 'BAIK' });
  await waitFor(async () => (await api.expect('GET', `/v1/cycles/${cycleId}`, hr)).stages[0].readyAt);
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describe('Plt/Plh delegation', () => {
  it('refuses a delegation made by someone else for the official, and bad dates', async () => {
    const other = await api.call(
      'POST',
      '/v1/delegations',
      { nip: seklur.nip },
      { delegatorNip: lurah.nip, delegateNip: plh.nip, kind: 'plh', from: today, until: today },
    );
    expect(other.status).toBe(403);
    const backwards = await api.call(
      'POST',
      '/v1/delegations',
      { nip: lurah.nip },
      { delegateNip: plh.nip, kind: 'plh', from: '2026-12-31', until: '2026-12-01' },
    );
    expect(backwards.status).toBe(422);
  });

  it('sends the digest to the acting official, who decides on the official’s behalf', async () => {
    const made = await api.call(
      'POST',
      '/v1/delegations',
      { nip: lurah.nip },
      { delegateNip: plh.nip, kind: 'plh', from: today, until: today, reason: 'Cuti tahunan' },
    );
    expect(made.status).toBe(201);
    // The Seklur (rated by the Lurah) submits the SKP — the Camat's plan first, which it links to.
    const camat = sample.employees.find((e) => /^Camat/.test(e.jabatan))!;
    const plan = (nip: string) => sample.plans.find((p) => p.nip === nip)!.skp;
    await api.expect('PUT', `/v1/cycles/${cycleId}/evaluations/${camat.nip}/skp`, { nip: camat.nip }, plan(camat.nip));
    await api.expect('PUT', `/v1/cycles/${cycleId}/evaluations/${lurah.nip}/skp`, { nip: lurah.nip }, plan(lurah.nip));
    await api.expect('PUT', `/v1/cycles/${cycleId}/evaluations/${seklur.nip}/skp`, { nip: seklur.nip }, plan(seklur.nip));
    const digest = await waitFor(async () => (await readOutbox(stack.outboxDir)).find((m) => m.to.includes(plh.email) && m.tags.kind === 'digest'));
    expect((await readOutbox(stack.outboxDir)).some((m) => m.to.includes(lurah.email) && m.tags.kind === 'digest')).toBe(false);
    expect((await readOutbox(stack.outboxDir)).some((m) => m.to.includes(plh.email) && m.tags.kind === 'delegation')).toBe(true);
    const link = digest.links.find((l) => parseDecisionLink(l)?.action === 'approve')!;
    const r = await actOnLink(link, 'approve', 'Disetujui oleh Plh Lurah');
    expect(r.status).toBe(200);
    const e = await getEvaluation(cycleId, seklur.nip);
    expect(e?.status).toBe('SKP_APPROVED');
    const approval = (await auditTrail(cycleId, seklur.nip)).find((a) => a.action === 'SKP_APPROVAL:APPROVE');
    expect(approval?.actor).toMatchObject({ nip: plh.nip, onBehalfOf: lurah.nip });
    void byNip;
  });
});
