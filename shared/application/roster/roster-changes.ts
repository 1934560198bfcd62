/**
 * What real offices have mid-cycle: an employee transferred to another unit or rater, a rater who
 * leaves (their team handed over), a new employee joining. Each is one conditional transaction with
 * its audit event; a pending decision moves to whoever now decides.
 */
import { STAGES } from '../../domain/lifecycle/status';
import type { CycleRecord, EmployeeRecord, EvaluationRecord } from '../../domain/records';
import { requireHandoverNotOfOwnTeam, requireHrActingOn, requireHrRole } from '../authz';
import { ports } from '../context';
import { NotFoundError, RuleError, StateError } from '../errors';
import type { Caller, WriteOp } from '../ports';

/** HR of the cycle's agency first (authorization before any other check: nobody else learns the stage), then the stage. */
async function requireActiveCycle(cycleId: string, caller: Caller): Promise<CycleRecord> {
  requireHrRole(caller);
  const cycle = await ports().cycles.get(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  requireHrActingOn(caller, cycle.agencyId);
  if (cycle.status !== 'ACTIVE' || STAGES.indexOf(cycle.stage) >= STAGES.indexOf('OBJECTION')) {
    throw new StateError('Results are being finalised; changes go to the next cycle', 'Hasil sedang difinalkan; perubahan berlaku pada siklus berikutnya');
  }
  return cycle;
}

async function requireEmployee(agencyId: string, nip: string, role: string): Promise<EmployeeRecord> {
  const e = await ports().roster.getEmployee(agencyId, nip);
  if (!e) throw new RuleError(`${role} ${nip} is not in the roster`, `${role} ${nip} tidak terdaftar dalam data pegawai`, 'raterNip');
  return e;
}

export interface TransferInput {
  unitId?: string;
  raterNip: string;
  reason: string;
}

/** Moves one evaluation to a new rater (and unit); its pending decision follows the new rater/approver. */
export async function transferEmployee(cycleId: string, nip: string, input: TransferInput, caller: Caller, requestId: string) {
  const cycle = await requireActiveCycle(cycleId, caller);
  requireHrActingOn(caller, cycle.agencyId, nip);
  const e = await ports().evaluations.get(cycleId, nip);
  if (!e) throw new NotFoundError(`evaluation ${nip}`, `Penilaian pegawai ${nip} tidak ditemukan`);
  if (input.raterNip === nip)
    throw new RuleError('An employee cannot rate themselves', 'Pegawai tidak dapat menjadi pejabat penilai dirinya sendiri', 'raterNip');
  const rater = await requireEmployee(cycle.agencyId, input.raterNip, 'Pejabat penilai');
  const unitId = input.unitId ?? e.unitId;
  return applyTransfer(cycle, e, { unitId, raterNip: rater.nip, approverNip: rater.raterNip }, input.reason, caller, `transfer:${requestId}`);
}

async function applyTransfer(
  cycle: CycleRecord,
  e: EvaluationRecord,
  to: { unitId: string; raterNip: string; approverNip?: string },
  reason: string,
  caller: Caller,
  changeId: string,
) {
  // HR never moves their own evaluation (a hand-over of a team they are in included).
  requireHrActingOn(caller, cycle.agencyId, e.nip);
  const at = ports().clock.now().toISOString();
  const extra: WriteOp[] = [];
  const decision = e.pendingDecisionId ? await ports().decisions.get(e.pendingDecisionId) : undefined;
  if (decision?.status === 'PENDING') {
    const newRecipient = decision.kind === 'SKP_APPROVAL' ? to.raterNip : (to.approverNip ?? to.raterNip);
    if (newRecipient !== decision.recipientNip) {
      extra.push(ports().decisions.reassignOp(decision, newRecipient));
      extra.push(ports().decisions.digestDueOp(cycle.cycleId, decision.stage, newRecipient, decision.decisionId));
    }
  }
  const outcome = await ports().evaluations.change(
    {
      cycleId: cycle.cycleId,
      nip: e.nip,
      changeId,
      from: e.status,
      set: { unitId: to.unitId, raterNip: to.raterNip, approverNip: to.approverNip ?? null },
      audit: {
        at,
        actor: { nip: caller.nip, role: 'hr', name: caller.name },
        action: 'TRANSFERRED',
        reason,
        before: { unitId: e.unitId, raterNip: e.raterNip, approverNip: e.approverNip },
        after: to,
      },
      extra,
    },
    e,
  );
  // The roster follows, so the next cycle starts from the new situation.
  const employee = await ports().roster.getEmployee(cycle.agencyId, e.nip);
  if (employee) await ports().roster.putEmployee(cycle.agencyId, { ...employee, unitId: to.unitId, raterNip: to.raterNip });
  return { nip: e.nip, outcome, ...to };
}

/** A rater leaves: their team goes to `toNip`, and those their team members rate get `toNip` as approver. */
export async function handoverRater(cycleId: string, fromNip: string, toNip: string, reason: string, caller: Caller, requestId: string) {
  const cycle = await requireActiveCycle(cycleId, caller);
  const team = await ports().evaluations.ofRater(cycleId, fromNip);
  // Nobody acts on their own record: HR never hands over a team they are in (checked before anything moves).
  requireHandoverNotOfOwnTeam(caller, team);
  const successor = await requireEmployee(cycle.agencyId, toNip, 'Pengganti');
  const moved = [];
  for (const member of team.filter((m) => m.nip !== toNip)) {
    moved.push(
      await applyTransfer(
        cycle,
        member,
        { unitId: member.unitId, raterNip: toNip, approverNip: successor.raterNip },
        reason,
        caller,
        `handover:${requestId}:${member.nip}`,
      ),
    );
    // Whom this team member rates now has the successor as approver.
    for (const sub of await ports().evaluations.ofRater(cycleId, member.nip)) {
      const fresh = (await ports().evaluations.get(cycleId, sub.nip))!;
      await applyTransfer(cycle, fresh, { unitId: fresh.unitId, raterNip: member.nip, approverNip: toNip }, reason, caller, `handover:${requestId}:${sub.nip}`);
    }
  }
  return { from: fromNip, to: toNip, moved: moved.length };
}

export interface JoinInput {
  nip: string;
  name: string;
  jabatan: string;
  unitId: string;
  raterNip: string;
  email: string;
  locale?: 'id' | 'en';
  competencies?: string[];
  jenis?: 'PNS' | 'PPPK';
  isUnitHead?: boolean;
}

/** A new employee joins: roster record and evaluation; counted in planning, or catching up after it. */
export async function joinEmployee(cycleId: string, input: JoinInput, caller: Caller) {
  const cycle = await requireActiveCycle(cycleId, caller);
  requireHrActingOn(caller, cycle.agencyId, input.nip);
  if (STAGES.indexOf(cycle.stage) > STAGES.indexOf('MIDYEAR')) {
    throw new StateError(
      'Too late in the year to plan; the employee joins the next cycle',
      'Sudah terlalu akhir untuk menyusun SKP; pegawai mengikuti siklus berikutnya',
    );
  }
  if (await ports().roster.getEmployee(cycle.agencyId, input.nip))
    throw new StateError(`NIP ${input.nip} is already in the roster`, `NIP ${input.nip} sudah terdaftar`);
  const rater = await requireEmployee(cycle.agencyId, input.raterNip, 'Pejabat penilai');
  const at = ports().clock.now().toISOString();
  const employee: EmployeeRecord = {
    nip: input.nip,
    name: input.name,
    jabatan: input.jabatan,
    unitId: input.unitId,
    raterNip: rater.nip,
    isUnitHead: input.isUnitHead ?? false,
    email: input.email,
    locale: input.locale ?? 'id',
    competencies: input.competencies ?? [],
    jenis: input.jenis ?? 'PNS',
  };
  await ports().roster.putEmployee(cycle.agencyId, employee);
  const inPlanning = cycle.stage === 'PLANNING';
  const created = await ports().evaluations.create(
    {
      cycleId,
      nip: input.nip,
      name: input.name,
      jabatan: input.jabatan,
      unitId: input.unitId,
      raterNip: rater.nip,
      approverNip: rater.raterNip,
      isUnitHead: employee.isUnitHead,
      status: 'SKP_DRAFT',
      version: 1,
      policyId: cycle.policyId,
      updatedAt: at,
      ...(inPlanning ? {} : { joinedAt: at }),
    },
    {
      eventId: `${cycleId}:join:${input.nip}`,
      at,
      actor: { nip: caller.nip, role: 'hr', name: caller.name },
      action: 'JOINED',
      after: { unitId: input.unitId, raterNip: rater.nip, stage: cycle.stage },
    },
    // Joining in planning counts towards planning; a later joiner catches up without holding a stage back.
    inPlanning ? [ports().stages.counterOp(cycleId, 'PLANNING', { total: 1 })] : [],
  );
  return { nip: input.nip, created, catchingUp: !inPlanning };
}
