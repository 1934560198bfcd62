/**
 * Rater-bias analytics for HR: read a cycle's rated evaluations (and the agency's two previous cycles),
 * analyse them with the domain's `analyseRaterBias`, and let HR acknowledge a rater's flags with a note
 * (written once, audited). Advisory: nothing here writes an evaluation or a rating.
 */
import { getPolicy } from '../../domain/policies';
import {
  ACK_NOTE_MAX,
  analyseRaterBias,
  DEFAULT_RATER_BIAS_POLICY,
  type PreviousCycle,
  type RatedPerson,
  type RaterBias,
  type RaterBiasAcknowledgement,
  type RaterBiasPolicy,
  type RaterBiasReport,
} from '../../domain/rater-bias';
import { PredikatSchema, type Rating } from '../../domain/ratings';
import type { CycleRecord, EvaluationRecord } from '../../domain/records';
import { resultsRatingFromRhk } from '../../domain/results';
import { requireHrActingOn } from '../authz';
import { ports } from '../context';
import { NotFoundError, RuleError, StateError } from '../errors';
import type { Caller } from '../ports';

/** How many earlier cycles of the agency are read for each rater's own history. */
export const PREVIOUS_CYCLES = 2;

export type RaterBiasEntry = RaterBias & { name?: string; unitName?: string; acknowledgement?: RaterBiasAcknowledgement };
export interface CycleRaterBias extends Omit<RaterBiasReport, 'raters'> {
  cycleId: string;
  policyId: string;
  raters: RaterBiasEntry[];
}

function policyOf(policyId: string): RaterBiasPolicy {
  try {
    const p = getPolicy(policyId);
    return (p.model === 'ekspektasi' && p.raterBias) || DEFAULT_RATER_BIAS_POLICY;
  } catch {
    return DEFAULT_RATER_BIAS_POLICY;
  }
}

/** An evaluation as the analysis reads it; undefined when it has no predikat or no rater. */
export function ratedPersonOf(e: EvaluationRecord): RatedPerson | undefined {
  const predikat = PredikatSchema.safeParse(e.predikat);
  if (!predikat.success || !e.raterNip) return undefined;
  const s = e.score;
  let proposedResults: Rating | undefined;
  if (!e.isUnitHead && s?.results?.basis === 'rules' && s.rhk?.length) {
    try {
      const p = getPolicy(e.policyId);
      if (p.model === 'ekspektasi')
        proposedResults = resultsRatingFromRhk(
          s.rhk.map((r) => ({ jenis: r.jenis, rating: r.proposed })),
          p,
        ).rating;
    } catch {
      proposedResults = undefined;
    }
  }
  return {
    nip: e.nip,
    raterNip: e.raterNip,
    unitId: e.unitId,
    predikat: predikat.data,
    ...(e.isUnitHead ? { isUnitHead: true } : {}),
    ...(s?.resultsRating ? { results: s.resultsRating } : {}),
    ...(s?.behaviour?.final ? { behaviour: s.behaviour.final } : {}),
    ...(proposedResults ? { proposedResults } : {}),
    ...(!e.isUnitHead && s?.behaviour?.proposed ? { proposedBehaviour: s.behaviour.proposed } : {}),
  };
}

async function ratedPeople(cycle: Pick<CycleRecord, 'cycleId' | 'agencyId'>): Promise<RatedPerson[]> {
  const out: RatedPerson[] = [];
  let cursor = {};
  for (;;) {
    const page = await ports().evaluations.ofCyclePage(cycle, cursor, 100);
    for (const e of page.items) {
      const p = ratedPersonOf(e);
      if (p) out.push(p);
    }
    if (!page.next) return out;
    cursor = page.next;
  }
}

async function hrCycle(caller: Caller, cycleId: string, subjectNip?: string): Promise<CycleRecord> {
  const cycle = await ports().cycles.get(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  requireHrActingOn(caller, cycle.agencyId, subjectNip, {
    en: 'Only HR of this agency sees rater-bias analytics',
    id: 'Hanya HR instansi ini yang dapat melihat analisis bias penilai',
  });
  return cycle;
}

/** The analysis of a cycle for a reader already authorised (the report page; HR's route checks first). */
export async function analyseCycle(cycle: CycleRecord): Promise<CycleRaterBias> {
  const people = await ratedPeople(cycle);
  const previous: PreviousCycle[] = [];
  for (let k = 1; k <= PREVIOUS_CYCLES; k++) {
    const earlier = await ports().cycles.get(`${cycle.agencyId}-${cycle.year - k}`);
    if (earlier && earlier.agencyId === cycle.agencyId) previous.push({ cycleId: earlier.cycleId, year: earlier.year, people: await ratedPeople(earlier) });
  }
  const report = analyseRaterBias(people, { previous, policy: policyOf(cycle.policyId) });
  const [acks, names, unitNames] = await Promise.all([
    ports().raterBias.acknowledgementsOf(cycle.cycleId),
    ports().roster.getEmployees(
      cycle.agencyId,
      report.raters.map((r) => r.raterNip),
    ),
    ports().roster.unitNames(
      cycle.agencyId,
      report.raters.map((r) => r.unitId),
    ),
  ]);
  const ackOf = new Map(acks.map((a) => [a.raterNip, a]));
  return {
    cycleId: cycle.cycleId,
    policyId: cycle.policyId,
    policy: report.policy,
    rated: report.rated,
    raters: report.raters.map((r) => {
      const name = names.get(r.raterNip)?.name;
      const unitName = unitNames.get(r.unitId);
      const ack = ackOf.get(r.raterNip);
      return { ...r, ...(name ? { name } : {}), ...(unitName ? { unitName } : {}), ...(ack ? { acknowledgement: ack } : {}) };
    }),
  };
}

/** GET /v1/cycles/{cycleId}/rater-bias: HR of the cycle's agency. */
export async function raterBiasOfCycle(caller: Caller, cycleId: string): Promise<CycleRaterBias> {
  return analyseCycle(await hrCycle(caller, cycleId));
}

export interface AcknowledgeResult {
  acknowledgement: RaterBiasAcknowledgement;
  replayed: boolean;
}

/**
 * HR acknowledges a rater's flags with a note (e.g. "discussed with the rater on …; the team did
 * exceptional work because …"). Once per rater per cycle; a retry of the same change is a replay; a
 * different second acknowledgement is 409. HR never acknowledges flags about their own rating.
 */
export async function acknowledgeRaterBias(caller: Caller, cycleId: string, raterNip: string, note: string, changeId: string): Promise<AcknowledgeResult> {
  const cycle = await hrCycle(caller, cycleId, raterNip);
  const text = note.trim();
  if (!text) throw new RuleError('A note is required', 'Catatan wajib diisi', 'note');
  if (text.length > ACK_NOTE_MAX)
    throw new RuleError(`The note is longer than ${ACK_NOTE_MAX} characters`, `Catatan melebihi ${ACK_NOTE_MAX} karakter`, 'note');

  const existing = await ports().raterBias.get(cycleId, raterNip);
  if (existing) return sameOrConflict(existing, changeId);

  const analysis = await analyseCycle(cycle);
  const rater = analysis.raters.find((r) => r.raterNip === raterNip);
  if (!rater) throw new NotFoundError(`rater ${raterNip} in ${cycleId}`, `Penilai ${raterNip} tidak menilai siapa pun pada siklus ini`);
  if (!rater.flags.length) throw new RuleError('This rater has no flag to acknowledge', 'Tidak ada tanda bias penilai yang perlu ditanggapi', 'raterNip');

  const at = ports().clock.now().toISOString();
  const by = { nip: caller.nip, ...(caller.name ? { name: caller.name } : {}) };
  const ack: RaterBiasAcknowledgement = { cycleId, raterNip, flags: rater.flags, note: text, by, at, changeId };
  const written = await ports().raterBias.acknowledge(ack, {
    eventId: ports().newId(),
    at,
    actor: { nip: caller.nip, role: 'hr', ...(caller.name ? { name: caller.name } : {}) },
    action: 'RATER_BIAS:ACKNOWLEDGE',
    after: { raterNip, flags: rater.flags },
    reason: text,
  });
  if (written) {
    ports().log.info('Rater-bias flags acknowledged', { cycleId, raterNip, flags: rater.flags.join(',') });
    return { acknowledgement: ack, replayed: false };
  }
  const winner = await ports().raterBias.get(cycleId, raterNip);
  if (winner) return sameOrConflict(winner, changeId);
  throw new StateError('The acknowledgement changed while it was written; retry', 'Tanggapan berubah saat disimpan; coba lagi');
}

function sameOrConflict(existing: RaterBiasAcknowledgement, changeId: string): AcknowledgeResult {
  if (existing.changeId === changeId) return { acknowledgement: existing, replayed: true };
  throw new StateError(
    `Already acknowledged by ${existing.by.name ?? existing.by.nip} at ${existing.at}`,
    `Sudah ditanggapi oleh ${existing.by.name ?? existing.by.nip} pada ${existing.at}`,
  );
}
