/**
 * What real offices have mid-cycle, on the local stack: a new employee joining in January, a transfer
 * to another unit and rater, a rater leaving (team handed over), an approver who does not act (reminder,
 * escalation, the superior decides), and the whole local stack killed mid-year and started again —
 * the cycle resumes from DynamoDB and ends with every result final.
 */
import '../../local/sfn/polyfill';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CycleOutcome, runCycle, seedRoster } from '../../local/run-cycle';
import { loadSampleAgency, type SampleAgency } from '../../local/sample/schema';
import { type LocalStack, startLocalStack } from '../../local/stack';
import { auditTrail, getEvaluation, pendingDecisionsOf } from '../../shared/adapters/dynamodb/repository';
import { readOutbox } from '../../shared/adapters/mail/outbox';
import { expectedPredikat } from './expected';

const base = loadSampleAgency('local/sample/asemrowo.json');
const byNip = new Map(base.employees.map((e) => [e.nip, e]));
const find = (re: RegExp) => base.employees.find((e) => re.test(e.jabatan))!;

// The joiner: a new Pengadministrasi Umum in Kelurahan Asemrowo, rated by its Sekretaris Kelurahan.
const seklur = base.employees.find((e) => e.unitId === 'kel-asemrowo' && /Sekretaris Kelurahan/.test(e.jabatan))!;
const template = base.plans.find((p) => byNip.get(p.nip)!.raterNip === seklur.nip)!;
const JOINER = '200001012025012001';
const joinerSkp = { ...template.skp, nip: JOINER };
const sample: SampleAgency = {
  ...base,
  employees: [
    ...base.employees,
    { ...byNip.get(template.nip)!, nip: JOINER, name: 'Rahma Putri Lestari', email: 'rahma.lestari@asemrowo.surabaya.go.id', isUnitHead: false },
  ],
  plans: [...base.plans, { ...template, nip: JOINER, skp: joinerSkp }],
};

// The transfer: the health officer moves from Seksi Kesra to Kelurahan Tambak Sarioso under its Seklur.
const mover = find(/Program Kesehatan/);
const newUnitRater = base.employees.find((e) => e.unitId === 'kel-tambak-sarioso' && /Sekretaris Kelurahan/.test(e.jabatan))!;
// The handover: the Kepala Seksi Pemerintahan leaves; the Kepala Seksi Trantib takes his team.
const leaver = find(/^Kepala Seksi Pemerintahan/);
const successor = find(/^Kepala Seksi Ketenteraman/);
const leaverTeam = base.employees.filter((e) => e.raterNip === leaver.nip).map((e) => e.nip);
const late = base.scenario.lateApproverNip!;

let workDir: string;
let stack: LocalStack;
let outcome: CycleOutcome;
let beforeKill: CycleOutcome;
const log = process.env.LOCAL_HTTP_LOG ? (l: string) => console.log(l) : undefined;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'asn-office-'));
  stack = await startLocalStack({ workDir, persist: true, timeScale: 1e-5 });
  await seedRoster(base);
  beforeKill = await runCycle(stack, sample, {
    log,
    stopAfter: 'MIDYEAR',
    onStage: async (stage, { api, hr, cycleId }) => {
      if (stage === 'PLANNING') {
        const joiner = sample.employees.find((e) => e.nip === JOINER)!;
        await api.expect('POST', `/v1/cycles/${cycleId}/members`, hr, {
          nip: JOINER,
          name: joiner.name,
          jabatan: joiner.jabatan,
          unitId: joiner.unitId,
          raterNip: seklur.nip,
          email: joiner.email,
        });
      }
      if (stage === 'MIDYEAR') {
        await api.expect('POST', `/v1/cycles/${cycleId}/evaluations/${mover.nip}/transfer`, hr, {
          unitId: 'kel-tambak-sarioso',
          raterNip: newUnitRater.nip,
          reason: 'Mutasi berdasarkan SK Camat tentang penempatan pegawai',
        });
        return { raterChanges: { [mover.nip]: newUnitRater.nip } };
      }
    },
  });
  // Kill everything mid-cycle: the Step Functions executions (in memory) are gone; DynamoDB's file stays.
  // The same ports after the restart (the ones the first start bound), as a restarted deployment keeps its endpoints.
  const { ports } = stack;
  await stack.stop();
  stack = await startLocalStack({ workDir, persist: true, timeScale: 1e-5, ...ports });
  outcome = await runCycle(stack, sample, {
    log,
    resume: true,
    lateApproverNip: late,
    onStage: async (stage, { api, hr, cycleId }) => {
      if (stage === 'FINAL_SCORING') {
        await api.expect('POST', `/v1/cycles/${cycleId}/raters/${leaver.nip}/handover`, hr, {
          toNip: successor.nip,
          reason: 'Pejabat pensiun; tugas penilaian dialihkan',
        });
        return { raterChanges: Object.fromEntries(leaverTeam.map((nip) => [nip, successor.nip])) };
      }
    },
  });
}, 900_000);
afterAll(async () => {
  await stack?.stop();
});

describe('a cycle with the changes real offices have', () => {
  it('resumed after the kill and finished every evaluation, the joiner included', () => {
    expect(beforeKill.summary.cycle.stage).toBe('FINAL_SCORING');
    expect(outcome.summary.cycle.status).toBe('COMPLETED');
    expect(outcome.evaluations).toHaveLength(base.plans.length + 1);
    expect(outcome.evaluations.every((e) => e.status === 'FINAL' && e.predikat)).toBe(true);
    const names = stack.sfn.listExecutions().map((e) => e.name);
    expect(names).toContain(`${outcome.cycleId}-FINAL_SCORING`);
    expect(names).not.toContain(`${outcome.cycleId}-PLANNING`); // ran before the kill, in the first process
  });

  it('resumed to the same results: everyone untouched by a change gets the predikat the engine gives', () => {
    const changed = new Set([mover.nip, ...leaverTeam, JOINER, base.scenario.objection.nip]);
    const untouched = outcome.evaluations.filter((e) => !changed.has(e.nip));
    expect(untouched.length).toBeGreaterThan(45);
    for (const e of untouched) expect(e.predikat, e.name).toBe(expectedPredikat(base, e.nip));
  });

  it('counted the joiner in planning and rated them like everyone else', async () => {
    const e = await getEvaluation(outcome.cycleId, JOINER);
    expect(e?.status).toBe('FINAL');
    expect((await auditTrail(outcome.cycleId, JOINER)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['JOINED', 'SKP_SUBMITTED', 'SKP_APPROVAL:APPROVE', 'RATED']),
    );
  });

  it('moved the transferred employee to the new unit and rater, who rated them', async () => {
    const e = await getEvaluation(outcome.cycleId, mover.nip);
    expect(e).toMatchObject({ unitId: 'kel-tambak-sarioso', raterNip: newUnitRater.nip, status: 'FINAL' });
    const trail = await auditTrail(outcome.cycleId, mover.nip);
    const transfer = trail.find((a) => a.action === 'TRANSFERRED');
    expect(transfer?.before).toMatchObject({ unitId: mover.unitId, raterNip: mover.raterNip });
    expect(transfer?.reason).toMatch(/Mutasi/);
    expect(trail.find((a) => a.action === 'RATED')?.actor.nip).toBe(newUnitRater.nip);
  });

  it('handed the leaving rater’s team to the successor, who rated them', async () => {
    for (const nip of leaverTeam) {
      const e = await getEvaluation(outcome.cycleId, nip);
      expect(e?.raterNip).toBe(successor.nip);
      expect((await auditTrail(outcome.cycleId, nip)).find((a) => a.action === 'RATED')?.actor.nip).toBe(successor.nip);
    }
  });

  it('escalated the late approver’s items to their superior and HR, and the superior decided on their behalf', async () => {
    const mails = await readOutbox(stack.outboxDir);
    const escalations = mails.filter((m) => m.tags.kind === 'escalation' && /APPROVAL/.test(m.idempotencyKey));
    const superior = byNip.get(byNip.get(late)!.raterNip!)!;
    expect(escalations.some((m) => m.to.includes(superior.email))).toBe(true);
    expect(escalations.some((m) => m.to.some((t) => /kinerja-hr@/.test(t)))).toBe(true);
    // Each escalation went out once.
    expect(new Set(escalations.map((m) => m.idempotencyKey)).size).toBe(escalations.length);
    const lateItems = outcome.evaluations.filter((e) => byNip.get(byNip.get(e.nip)?.raterNip ?? '')?.raterNip === late);
    expect(lateItems.length).toBeGreaterThan(0);
    const trail = await auditTrail(outcome.cycleId, lateItems[0]!.nip);
    const approval = trail.find((a) => a.action === 'EVALUATION_APPROVAL:APPROVE');
    expect(approval?.actor).toMatchObject({ nip: superior.nip, onBehalfOf: late });
    expect(await pendingDecisionsOf(outcome.cycleId, late)).toHaveLength(0);
  });
});
