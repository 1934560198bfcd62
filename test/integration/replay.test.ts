/**
 * Replays and races against the local stack: a write sent twice with the same Idempotency-Key has one
 * effect; two conflicting writes never lose an update — the loser gets 409; a decision posted twice
 * decides once.
 */
import '../../local/sfn/polyfill';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRoster } from '../../local/run-cycle';
import { loadSampleAgency } from '../../local/sample/schema';
import { type LocalStack, startLocalStack } from '../../local/stack';
import { auditTrail, getEvaluation } from '../../shared/adapters/dynamodb/repository';

const sample = loadSampleAgency('local/sample/asemrowo.json');
const cycleId = `${sample.agencyId}-${sample.year}`;
const hrNip = sample.employees.find((e) => /Subbagian Umum/.test(e.jabatan) && e.isUnitHead)!.nip;
const camat = sample.employees.find((e) => /^Camat/.test(e.jabatan))!;
const skpOf = (nip: string) => sample.plans.find((p) => p.nip === nip)!.skp;
let stack: LocalStack;

async function put(nip: string, pathName: string, body: unknown, key?: string) {
  const token = await stack.token(nip, ['employee']);
  const res = await fetch(`${stack.apiUrl}${pathName}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json(), replayed: res.headers.get('idempotent-replayed') === 'true' };
}

beforeAll(async () => {
  stack = await startLocalStack({ workDir: mkdtempSync(path.join(tmpdir(), 'asn-replay-')), timeScale: 1e-5 });
  await seedRoster(sample);
  const token = await stack.token(hrNip, ['hr', 'employee']);
  await fetch(`${stack.apiUrl}/v1/cycles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ year: sample.year }),
  });
  for (;;) {
    const r = await fetch(`${stack.apiUrl}/v1/cycles/${cycleId}`, { headers: { authorization: `Bearer ${token}` } });
    if ((await r.json()).stages?.[0]?.readyAt) break;
    await new Promise((res) => setTimeout(res, 100));
  }
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describe('replays and races', () => {
  it('applies a write replayed with the same Idempotency-Key once', async () => {
    const first = await put(camat.nip, `/v1/cycles/${cycleId}/evaluations/${camat.nip}/skp`, skpOf(camat.nip), 'replay-key-1');
    const second = await put(camat.nip, `/v1/cycles/${cycleId}/evaluations/${camat.nip}/skp`, skpOf(camat.nip), 'replay-key-1');
    expect(first).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    // The replay gets the first answer again (IETF Idempotency-Key draft), marked as a replay.
    expect(second).toEqual({ ...first, replayed: true });
    // The same key with another body (or from another caller) is refused and changes nothing.
    const other = await put(
      camat.nip,
      `/v1/cycles/${cycleId}/evaluations/${camat.nip}/skp`,
      { ...skpOf(camat.nip), rhk: skpOf(camat.nip).rhk.slice(0, 1) },
      'replay-key-1',
    );
    expect(other.status).toBe(422);
    const submitted = (await auditTrail(cycleId, camat.nip)).filter((a) => a.action === 'SKP_SUBMITTED');
    expect(submitted).toHaveLength(1);
    expect((await getEvaluation(cycleId, camat.nip))?.version).toBe(2);
  });

  it('lets one of two conflicting writes win and tells the other with 409', async () => {
    const lurah = sample.employees.find((e) => /^Lurah Tambak/.test(e.jabatan))!;
    const results = await Promise.all([
      put(lurah.nip, `/v1/cycles/${cycleId}/evaluations/${lurah.nip}/skp`, skpOf(lurah.nip), 'race-a'),
      put(lurah.nip, `/v1/cycles/${cycleId}/evaluations/${lurah.nip}/skp`, { ...skpOf(lurah.nip), rhk: skpOf(lurah.nip).rhk.slice(0, 1) }, 'race-b'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.detail).toMatch(/status|berubah/i);
    // No lost update: the stored plan is exactly the winner's.
    const winner = results[0]!.status === 200 ? skpOf(lurah.nip) : { ...skpOf(lurah.nip), rhk: skpOf(lurah.nip).rhk.slice(0, 1) };
    expect((await getEvaluation(cycleId, lurah.nip))?.skp).toEqual(winner);
    expect((await auditTrail(cycleId, lurah.nip)).filter((a) => a.action === 'SKP_SUBMITTED')).toHaveLength(1);
  });

  it('refuses a bad body with a clear message and changes nothing', async () => {
    const seklur = sample.employees.find((e) => e.unitId === 'kel-asemrowo' && /Sekretaris Kelurahan/.test(e.jabatan))!;
    const before = await getEvaluation(cycleId, seklur.nip);
    const bad = await put(seklur.nip, `/v1/cycles/${cycleId}/evaluations/${seklur.nip}/skp`, { ...skpOf(seklur.nip), rhk: [] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.length).toBeGreaterThan(0);
    expect(await getEvaluation(cycleId, seklur.nip)).toEqual(before);
  });
});
