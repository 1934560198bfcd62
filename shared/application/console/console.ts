/**
 * HR's console (the web app's /hr/siklus/{cycleId}): a stage's progress per unit, who it waits on and
 * how many days past the stage's deadline, and HR's reminder to one person or to everyone a unit waits on.
 *
 * - Progress reads counters (access pattern #7, one item per unit), never evaluations; a unit's waiting
 *   people are the HR list's stage filter (#15, one key condition per waiting status), paged with the
 *   same signed cursors.
 * - A reminder is the workflow's reminder email (notifications.ts `sendReminderTo`: same template, same
 *   tasks and links), claimed once per person, stage and WIB day (#20): a second click the same day
 *   sends nothing and says so.
 */
import { periodicEvaluationOf, stageOpensAt } from '../../domain/lifecycle/schedule';
import { STAGES, type Stage, stageLabel } from '../../domain/lifecycle/status';
import { type CycleRecord, countsOf, type EmployeeRecord, type EvaluationRecord } from '../../domain/records';
import { requireHrOfCycle, requireHrRole } from '../authz';
import { ports } from '../context';
import { NotFoundError, RuleError, StateError } from '../errors';
import type { Caller } from '../ports';
import { listEvaluations } from '../queries/evaluation-list';
import { sendReminderTo, waitsOn } from '../stages/notifications';
import { WAITING_STATUSES } from '../stages/waiting';
import { mapLimit } from '../util';

const DAY_MS = 86_400_000;
/** At most this many people reminded by one click on a unit (a larger unit: HR filters, or the workflow's own reminder day covers it). */
export const MAX_UNIT_REMINDERS = 200;

/** The WIB calendar day of an instant (YYYY-MM-DD): a reminder is once per person, stage and day. */
export const wibDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** HR of the cycle's agency: the role first (before the cycle is read), then the agency. */
async function hrCycle(caller: Caller, cycleId: string): Promise<CycleRecord> {
  requireHrRole(caller);
  const cycle = await ports().cycles.get(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  requireHrOfCycle(caller, cycle);
  return cycle;
}

/** When a stage's deadline is, and how many whole days past it now is (at least 1 once past; 0 before it, or before the stage opened). */
export function lateness(cycle: Pick<CycleRecord, 'schedule'>, stage: Stage, openedAt: string | undefined, now: Date) {
  const days = cycle.schedule?.windows?.[stage]?.deadlineDay;
  if (!openedAt || !days) return { deadline: null, daysLate: 0 };
  const deadline = Date.parse(openedAt) + days * DAY_MS;
  return { deadline: new Date(deadline).toISOString(), daysLate: now.getTime() > deadline ? Math.max(1, Math.floor((now.getTime() - deadline) / DAY_MS)) : 0 };
}

export interface ProgressQuery {
  stage?: Stage;
  unitId?: string;
  cursor?: string;
  limit: number;
}

/**
 * GET /v1/cycles/{cycleId}/progress: the stage (default: the current one) with its deadline and days late,
 * done/pending per unit from the counters, and — with `unitId` — a page of that unit's waiting evaluations,
 * each with the person it waits on (the one a reminder goes to).
 */
export async function stageProgress(caller: Caller, cycleId: string, q: ProgressQuery) {
  const cycle = await hrCycle(caller, cycleId);
  const stage = q.stage ?? cycle.stage;
  const statuses = WAITING_STATUSES[stage] ?? [];
  const [record, unitList, stats] = await Promise.all([
    ports().stages.get(cycleId, stage),
    ports().roster.listUnits(cycle.agencyId),
    ports().evaluations.unitStatsOf(cycleId),
  ]);
  const names = new Map(unitList.map((u) => [u.unitId, u.name]));
  const { deadline, daysLate } = lateness(cycle, stage, record?.openedAt, ports().clock.now());
  const units = stats
    .filter((u) => u.employees > 0)
    .map((u) => {
      const counts = countsOf(u, 'status');
      const pending = statuses.reduce((n, s) => n + (counts[s] ?? 0), 0);
      return { unitId: u.unitId, name: names.get(u.unitId) ?? u.unitId, employees: u.employees, pending, done: Math.max(0, u.employees - pending) };
    })
    .sort((a, b) => b.pending - a.pending || a.name.localeCompare(b.name));
  let waiting: { unitId: string; items: WaitingItem[]; next: string | null } | undefined;
  if (q.unitId) {
    if (!names.has(q.unitId)) throw new RuleError(`Unit ${q.unitId} is not a unit of this agency`, `Unit ${q.unitId} bukan unit instansi ini`, 'unitId');
    const page = statuses.length
      ? await listEvaluations(cycle, { unitId: q.unitId, stage, order: 'asc', limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}) })
      : { items: [], next: null };
    const people = await ports().roster.getEmployees(
      cycle.agencyId,
      page.items.flatMap((e) => waitsOn(e) ?? []),
    );
    waiting = { unitId: q.unitId, items: page.items.map((e) => waitingItem(e, people)), next: page.next };
  }
  return {
    cycleId,
    stage,
    stageLabel: stageLabel[stage],
    current: stage === cycle.stage && cycle.status === 'ACTIVE',
    openedAt: record?.openedAt ?? null,
    deadline,
    daysLate,
    total: record?.total ?? 0,
    done: record?.done ?? 0,
    units,
    ...(waiting ? { waiting } : {}),
    schedule: scheduleOf(cycle),
  };
}

/**
 * The schedule the cycle runs under, as HR reads it: per stage its fixed opening (00:00 WIB) or none (it
 * opens when the previous stage closes), and its reminder, deadline and last day counted from the opening.
 */
export function scheduleOf(cycle: Pick<CycleRecord, 'schedule' | 'year'>) {
  const s = cycle.schedule;
  return {
    id: s.id,
    legalSource: s.legalSource,
    periodicEvaluation: periodicEvaluationOf(s),
    stages: STAGES.flatMap((stage) => {
      const w = s.windows[stage];
      if (!w) return [];
      const opens = stageOpensAt(s, stage, cycle.year);
      return [
        {
          stage,
          opensAt: opens ? opens.toISOString() : null,
          reminderDay: w.reminderDay,
          deadlineDay: w.deadlineDay,
          lastDay: w.lastDay,
          ...(w.fixedWindowDays !== undefined ? { fixedWindowDays: w.fixedWindowDays } : {}),
        },
      ];
    }),
  };
}

interface WaitingItem {
  nip: string;
  name: string;
  jabatan: string;
  status: string;
  waitsOn: { nip: string; name: string; jabatan: string } | null;
}

function waitingItem(e: EvaluationRecord, people: Map<string, EmployeeRecord>): WaitingItem {
  const who = waitsOn(e);
  const p = who ? people.get(who) : undefined;
  return {
    nip: e.nip,
    name: e.name,
    jabatan: e.jabatan,
    status: e.status,
    waitsOn: who ? { nip: who, name: p?.name ?? who, jabatan: p?.jabatan ?? '' } : null,
  };
}

/** Everything that waits on `nip` in the stage: their own evaluation, their team's, the decisions sent to them. */
async function waitingOn(cycle: CycleRecord, stage: Stage, nip: string): Promise<EvaluationRecord[]> {
  const statuses: readonly string[] = WAITING_STATUSES[stage] ?? [];
  const [own, team, decisions] = await Promise.all([
    ports().evaluations.get(cycle.cycleId, nip),
    ports().evaluations.ofRater(cycle.cycleId, nip),
    ports().decisions.pendingOf(cycle.cycleId, nip),
  ]);
  const subjects = await ports().evaluations.getMany(
    cycle.cycleId,
    decisions.filter((d) => d.stage === stage).map((d) => d.subjectNip),
  );
  const byNip = new Map<string, EvaluationRecord>();
  for (const e of [...(own ? [own] : []), ...team, ...subjects.values()]) {
    if (statuses.includes(e.status) && waitsOn(e) === nip) byNip.set(e.nip, e);
  }
  // The order the workflow's reminder lists them in: unit, status, NIP.
  const rank = (e: EvaluationRecord) => statuses.indexOf(e.status);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...byNip.values()].sort((a, b) => cmp(a.unitId, b.unitId) || rank(a) - rank(b) || cmp(a.nip, b.nip));
}

export type ReminderTarget = { nip: string } | { unitId: string };

/**
 * POST /v1/cycles/{cycleId}/reminders: HR reminds one person (`nip`: the person an evaluation waits on)
 * or everyone a unit's waiting evaluations wait on (`unitId`), in the current stage. Each person gets the
 * workflow's reminder email with everything waiting on them, at most once a day; `alreadySent` lists
 * those reminded earlier the same WIB day (nothing is sent to them again).
 */
export async function remindFromConsole(caller: Caller, cycleId: string, target: ReminderTarget) {
  const cycle = await hrCycle(caller, cycleId);
  if (cycle.status !== 'ACTIVE')
    throw new StateError(`The cycle is ${cycle.status}: nobody is waited on`, `Siklus berstatus ${cycle.status}: tidak ada yang ditunggu`);
  const stage = cycle.stage;
  const statuses = WAITING_STATUSES[stage] ?? [];
  if (!statuses.length) {
    throw new StateError(
      `Nobody is reminded in the ${stageLabel[stage].en} stage: it waits on HR, not on employees`,
      `Tidak ada yang diingatkan pada tahap ${stageLabel[stage].id}: tahap ini menunggu HR, bukan pegawai`,
    );
  }
  let nips: string[];
  if ('nip' in target) {
    nips = [target.nip];
  } else {
    if (!(await ports().roster.getUnit(cycle.agencyId, target.unitId))) {
      throw new RuleError(`Unit ${target.unitId} is not a unit of this agency`, `Unit ${target.unitId} bukan unit instansi ini`, 'unitId');
    }
    const people = new Set<string>();
    for (const status of statuses) {
      let cursor: Record<string, unknown> | undefined;
      do {
        const page = await ports().evaluations.ofUnitPage(cycleId, target.unitId, cursor, 200, status);
        for (const e of page.items) {
          const who = waitsOn(e);
          if (who) people.add(who);
        }
        cursor = page.next;
      } while (cursor);
    }
    nips = [...people].sort();
    if (nips.length > MAX_UNIT_REMINDERS) {
      throw new RuleError(
        `${nips.length} people wait in this unit: remind at most ${MAX_UNIT_REMINDERS} at once (one by one, or the workflow's reminder day reaches everyone)`,
        `${nips.length} orang ditunggu di unit ini: paling banyak ${MAX_UNIT_REMINDERS} sekali kirim (satu per satu, atau pengingat otomatis pada hari pengingat)`,
        'unitId',
      );
    }
  }
  const [record, people, unitList] = await Promise.all([
    ports().stages.get(cycleId, stage),
    ports().roster.getEmployees(cycle.agencyId, nips),
    ports().roster.listUnits(cycle.agencyId),
  ]);
  const units = new Map(unitList.map((u) => [u.unitId, u.name]));
  const day = wibDay(ports().clock.now());
  const sent: { nip: string; name: string }[] = [];
  const alreadySent: { nip: string; name: string }[] = [];
  const nothingWaiting: string[] = [];
  await mapLimit(nips, 8, async (nip) => {
    const person = people.get(nip);
    const items = person ? await waitingOn(cycle, stage, nip) : [];
    if (!person || !items.length) {
      nothingWaiting.push(nip);
      return;
    }
    const key = `reminder:${cycleId}:${stage}:hr-${day}:${nip}`;
    const fresh = await sendReminderTo(cycle, stage, person, items, units, record?.openedAt, key);
    (fresh ? sent : alreadySent).push({ nip, name: person.name });
  });
  if ('nip' in target && nothingWaiting.length) {
    if (!people.has(target.nip)) throw new NotFoundError(`employee ${target.nip}`, `Pegawai ${target.nip} tidak ditemukan`);
    throw new RuleError(
      `Nothing waits on ${target.nip} in the ${stageLabel[stage].en} stage`,
      `Tidak ada yang menunggu ${target.nip} pada tahap ${stageLabel[stage].id}`,
      'nip',
    );
  }
  const byNip = (a: { nip: string }, b: { nip: string }) => a.nip.localeCompare(b.nip);
  return { cycleId, stage, day, sent: sent.sort(byNip), alreadySent: alreadySent.sort(byNip) };
}
