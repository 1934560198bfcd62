/**
 * In-memory fakes of every port (shared/application/ports.ts), Map-based, for use-case unit tests:
 * `const world = fakePorts(); usePorts(world.ports);` then seed `world.cycles`, `world.evaluations`, …
 * Writes keep the adapters' promises that use cases rely on: a change is conditional on version and
 * status, a transaction is all or nothing, a decision is decided once.
 */

import type { EvaluationChange, KioskRecord, MailMessage, Ports, StoredAnswer, WriteOp } from '../../shared/application/ports';
import type { EvidenceItem } from '../../shared/domain/evidence';
import type { Stage } from '../../shared/domain/lifecycle/status';
import type { RaterBiasAcknowledgement } from '../../shared/domain/rater-bias';
import type {
  AuditEvent,
  CalibrationRecord,
  CommentRecord,
  CycleRecord,
  DecisionRecord,
  Delegation,
  EmployeeRecord,
  EvaluationRecord,
  InvitationRecord,
  StageRecord,
  UnitRecord,
} from '../../shared/domain/records';

/** A fake write: `check` says whether its condition holds now, `apply` makes it. */
interface FakeOp {
  check(): boolean;
  apply(): void;
}
const op = (o: FakeOp) => o as unknown as WriteOp;
const unwrap = (ops: readonly WriteOp[] | undefined) => (ops ?? []) as unknown as FakeOp[];
const always = (apply: () => void) => op({ check: () => true, apply });

const evKey = (cycleId: string, nip: string) => `${cycleId}#${nip}`;
const stageKey = (cycleId: string, stage: Stage) => `${cycleId}#${stage}`;

export function fakePorts(now = '2026-07-10T03:00:00.000Z') {
  const answers = new Map<string, StoredAnswer>();
  const kiosks = new Map<string, KioskRecord>();
  let t = Date.parse(now);
  let ids = 0;
  const cycles = new Map<string, CycleRecord>();
  const stages = new Map<string, StageRecord>();
  const evaluations = new Map<string, EvaluationRecord>();
  const decisions = new Map<string, DecisionRecord>();
  const employees = new Map<string, EmployeeRecord>();
  const units = new Map<string, UnitRecord>();
  const invitations = new Map<string, InvitationRecord>();
  const calibrations = new Map<string, CalibrationRecord>();
  const delegations: (Delegation & { agencyId: string })[] = [];
  const digestDue = new Map<string, string>();
  const claims = new Set<string>();
  const comments = new Map<string, CommentRecord>();
  const acknowledgements = new Map<string, RaterBiasAcknowledgement>();
  const audit: AuditEvent[] = [];
  const sent: MailMessage[] = [];
  const released: string[] = [];
  const started: string[] = [];
  // --- files (platform) ---
  const evidence = new Map<string, EvidenceItem>();
  const objects = new Map<string, { body: Uint8Array; contentType: string }>();
  const evidenceKey = (cycleId: string, nip: string, id: string) => `${cycleId}#${nip}#${id}`;

  const transact = async (ops: readonly WriteOp[]) => {
    const fake = unwrap(ops);
    if (!fake.every((o) => o.check())) return 'conflict' as const;
    for (const o of fake) o.apply();
    return 'applied' as const;
  };

  const changeOp = (c: EvaluationChange): FakeOp => ({
    check() {
      const e = evaluations.get(evKey(c.cycleId, c.nip));
      if (!e) return false;
      if (c.expectedVersion !== undefined && e.version !== c.expectedVersion) return false;
      const froms = c.from === undefined ? undefined : Array.isArray(c.from) ? c.from : [c.from];
      return !froms || froms.includes(e.status);
    },
    apply() {
      const e = evaluations.get(evKey(c.cycleId, c.nip))!;
      evaluations.set(evKey(c.cycleId, c.nip), {
        ...e,
        ...(c.set as Partial<EvaluationRecord>),
        status: c.to ?? e.status,
        version: e.version + 1,
        lastChangeId: c.changeId,
        updatedAt: c.audit.at,
      });
      audit.push({ ...c.audit, eventId: c.changeId });
    },
  });

  const ports: Ports = {
    clock: { now: () => new Date(t) },
    newId: () => `id${String(++ids).padStart(6, '0')}`,
    mailer: () => ({
      send: async (m) => {
        sent.push(m);
        return { messageId: `m${sent.length}`, duplicate: false };
      },
    }),
    templates: {
      approvalDigest: (i) => ({ subject: `digest ${i.items.length}`, html: '', text: '' }),
      skpApprovalRequest: (i) => ({ subject: `skp ${i.items.length}`, html: '', text: '' }),
      reminder: (i) => ({ subject: `reminder ${i.items.length}`, html: '', text: '' }),
      escalation: (i) => ({ subject: `escalation ${i.late.length}`, html: '', text: '' }),
      resultNotice: (i) => ({ subject: `result ${i.predikat}`, html: '', text: '' }),
      delegationNotice: (i) => ({ subject: `delegation ${i.audience}`, html: '', text: '' }),
      objectionDigest: (i) => ({ subject: `objection ${i.items.length}`, html: '', text: '' }),
      outcomeNotice: (i) => ({ subject: `notice ${i.kind}`, html: '', text: '' }),
      escapeHtml: (s) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`),
    },
    links: { decisionUrl: async (l) => `https://kinerja.test/d/${l.decisionId}?a=${l.action}&r=${l.recipient}` },
    cursors: {
      sign: async (k, scope) => (k ? Buffer.from(JSON.stringify({ k, scope })).toString('base64url') : null),
      verify: async (c, scope) => {
        if (!c) return undefined;
        const v = JSON.parse(Buffer.from(c, 'base64url').toString()) as { k: Record<string, string>; scope: string };
        if (v.scope !== scope) throw new Error('cursor of another query');
        return v.k;
      },
    },
    hashes: {
      clientHash: async (ip) => `client:${ip}`,
      idempotencyKeyHash: async (unitId, key) => `idem:${unitId}:${key}`,
      fingerprint: (v) => JSON.stringify(v),
      digest: (text) => Buffer.from(text).toString('hex').padEnd(16, '0'),
    },
    workflow: {
      configured: true,
      start: async (name) => {
        if (started.includes(name)) return 'already';
        started.push(name);
        return 'started';
      },
      sendTaskSuccess: async (token) => {
        released.push(token);
        return 'sent';
      },
      sendTaskFailure: async () => {},
      describe: async (name) => (started.includes(name) ? { status: 'RUNNING' } : undefined),
    },
    log: { debug: () => {}, info: () => {} },
    settings: { publicBaseUrl: 'https://kinerja.test', hrEmail: 'hr@kinerja.test', linkTtlHours: 24, skmDailyLimit: 5 },
    cycles: {
      get: async (id) => cycles.get(id),
      create: async (c) => (cycles.has(c.cycleId) ? false : (cycles.set(c.cycleId, c), true)),
      checkpoint: async (id, from, to) => {
        const c = cycles.get(id)!;
        if (c.stage !== from) return 'already';
        cycles.set(id, to === 'DONE' ? { ...c, status: 'COMPLETED' } : { ...c, stage: to });
        return 'moved';
      },
      setFields: async (id, fields) => {
        cycles.set(id, { ...cycles.get(id)!, ...(fields as Partial<CycleRecord>) });
      },
      calibrationMarkerOp: (id, marker) =>
        op({
          check: () => !cycles.get(id)?.calibration,
          apply: () => {
            cycles.set(id, { ...cycles.get(id)!, calibration: marker });
          },
        }),
    },
    stages: {
      ensure: async (cycleId, stage, at) => {
        if (!stages.has(stageKey(cycleId, stage))) stages.set(stageKey(cycleId, stage), { cycleId, stage, total: 0, done: 0, openedAt: at });
      },
      get: async (cycleId, stage) => stages.get(stageKey(cycleId, stage)),
      storeToken: async (cycleId, stage, taskToken) => {
        const s = { ...stages.get(stageKey(cycleId, stage))!, taskToken };
        stages.set(stageKey(cycleId, stage), s);
        return s;
      },
      markReady: async (cycleId, stage, at) => {
        const s = stages.get(stageKey(cycleId, stage))!;
        stages.set(stageKey(cycleId, stage), { ...s, readyAt: s.readyAt ?? at });
      },
      markClosed: async (cycleId, stage, at) => {
        const s = stages.get(stageKey(cycleId, stage))!;
        stages.set(stageKey(cycleId, stage), { ...s, closedAt: s.closedAt ?? at });
      },
      counterOp: (cycleId, stage, change) =>
        always(() => {
          const s = stages.get(stageKey(cycleId, stage)) ?? { cycleId, stage, total: 0, done: 0 };
          stages.set(stageKey(cycleId, stage), { ...s, total: s.total + (change.total ?? 0), done: s.done + (change.done ?? 0) });
        }),
    },
    evaluations: {
      get: async (cycleId, nip) => evaluations.get(evKey(cycleId, nip)),
      getMany: async (cycleId, nips) =>
        new Map(
          [...nips].flatMap((n) => {
            const e = evaluations.get(evKey(cycleId, n));
            return e ? [[n, e] as const] : [];
          }),
        ),
      create: async (e, a, extra) => {
        const r = await transact([
          op({
            check: () => !evaluations.has(evKey(e.cycleId, e.nip)),
            apply: () => {
              evaluations.set(evKey(e.cycleId, e.nip), e);
              audit.push(a);
            },
          }),
          ...(extra ?? []),
        ]);
        return r === 'applied';
      },
      createTogether: async (created, shared) =>
        transact([
          ...created.map(({ e, audit: a }) =>
            op({
              check: () => !evaluations.has(evKey(e.cycleId, e.nip)),
              apply: () => {
                evaluations.set(evKey(e.cycleId, e.nip), e);
                audit.push(a);
              },
            }),
          ),
          ...(shared ?? []),
        ]),
      change: async (c, current) => {
        if (current.lastChangeId === c.changeId) return 'replayed';
        const r = await transact([op(changeOp(c)), ...(c.extra ?? [])]);
        if (r === 'conflict') {
          if (evaluations.get(evKey(c.cycleId, c.nip))?.lastChangeId === c.changeId) return 'replayed';
          const { ConcurrentChangeError } = await import('../../shared/application/errors');
          throw new ConcurrentChangeError(`Evaluation ${c.nip} changed meanwhile`);
        }
        return 'applied';
      },
      changeTogether: async (changes, shared) =>
        transact([...changes.flatMap(({ change }) => [op(changeOp(change)), ...(change.extra ?? [])]), ...(shared ?? [])]),
      ofUnitPage: async (cycleId, unitId, _c, _l, status) => ({
        items: [...evaluations.values()].filter((e) => e.cycleId === cycleId && e.unitId === unitId && (!status || e.status === status)),
      }),
      ofCyclePage: async (cycle) => ({ items: [...evaluations.values()].filter((e) => e.cycleId === cycle.cycleId) }),
      ofRater: async (cycleId, raterNip) => [...evaluations.values()].filter((e) => e.cycleId === cycleId && e.raterNip === raterNip),
      segmentPage: async (cycleId, segment) => ({
        items: [...evaluations.values()].filter(
          (e) => e.cycleId === cycleId && (segment.index === 'rater' ? e.raterNip === segment.raterNip : e.unitId === segment.unitId),
        ),
      }),
      indexKey: (_s, e) => ({ nip: e.nip }),
      segmentHolds: () => true,
      invitationsOf: async (cycleId, nip) => [...invitations.values()].filter((i) => i.cycleId === cycleId && i.nip === nip),
      getInvitation: async (cycleId, nip, peer) => invitations.get(`${cycleId}#${nip}#${peer}`),
      putInvitations: async (list, a) => {
        if (list.some((i) => invitations.has(`${i.cycleId}#${i.nip}#${i.peerNip}`))) return 'exists';
        for (const i of list) invitations.set(`${i.cycleId}#${i.nip}#${i.peerNip}`, i);
        audit.push(a);
        return 'applied';
      },
      unitStatsOf: async () => [],
      putCalibrationOnce: async (r) => {
        if (!calibrations.has(`${r.cycleId}#${r.unitId}`)) calibrations.set(`${r.cycleId}#${r.unitId}`, r);
      },
      calibrationsOf: async (cycleId) => [...calibrations.values()].filter((r) => r.cycleId === cycleId),
      getCalibration: async (cycleId, unitId) => calibrations.get(`${cycleId}#${unitId}`),
      resolveCalibrationOp: (cycleId, unitId, resolution) =>
        op({
          check: () => {
            const r = calibrations.get(`${cycleId}#${unitId}`);
            return Boolean(r?.flagged && !r.resolved);
          },
          apply: () => {
            calibrations.set(`${cycleId}#${unitId}`, { ...calibrations.get(`${cycleId}#${unitId}`)!, resolved: true, resolution });
          },
        }),
    },
    decisions: {
      get: async (id) => decisions.get(id),
      pendingOf: async (cycleId, nip) => [...decisions.values()].filter((d) => d.cycleId === cycleId && d.recipientNip === nip && d.status === 'PENDING'),
      createOp: (d) =>
        op({
          check: () => !decisions.has(d.decisionId),
          apply: () => {
            decisions.set(d.decisionId, d);
          },
        }),
      decideOp: (id, by, at, outcome, comment) =>
        op({
          check: () => decisions.get(id)?.status === 'PENDING',
          apply: () => {
            decisions.set(id, { ...decisions.get(id)!, status: 'DECIDED', decidedBy: by, decidedAt: at, outcome, comment: comment ?? '' });
          },
        }),
      reassignOp: (d, r) =>
        op({
          check: () => decisions.get(d.decisionId)?.status === 'PENDING',
          apply: () => {
            decisions.set(d.decisionId, { ...decisions.get(d.decisionId)!, recipientNip: r });
          },
        }),
      markEscalated: async (id, to) => {
        const d = decisions.get(id);
        if (d?.status === 'PENDING') decisions.set(id, { ...d, escalatedTo: to });
      },
      digestDueOp: (cycleId, stage, r, id) =>
        always(() => {
          digestDue.set(`${cycleId}#${stage}#${r}`, id);
        }),
      digestsDuePage: async (cycleId, stage) => ({
        items: [...digestDue].filter(([k]) => k.startsWith(`${cycleId}#${stage}#`)).map(([k, decisionId]) => ({ recipientNip: k.split('#')[2]!, decisionId })),
      }),
      clearDigestDue: async (cycleId, stage, r, covered) => {
        if (digestDue.get(`${cycleId}#${stage}#${r}`) === covered) digestDue.delete(`${cycleId}#${stage}#${r}`);
      },
    },
    roster: {
      getEmployee: async (_a, nip) => employees.get(nip),
      getEmployees: async (_a, nips) =>
        new Map(
          [...nips].flatMap((n) => {
            const e = employees.get(n);
            return e ? [[n, e] as const] : [];
          }),
        ),
      putEmployee: async (_a, e) => {
        employees.set(e.nip, e);
      },
      employeesPage: async () => ({ items: [...employees.values()] }),
      getUnit: async (_a, id) => units.get(id),
      unitNames: async (_a, ids) => new Map([...ids].map((id) => [id, units.get(id)?.name ?? id])),
      unitsAfter: async (_a, after, limit) =>
        [...units.values()]
          .sort((a, b) => a.unitId.localeCompare(b.unitId))
          .filter((u) => after === undefined || u.unitId > after)
          .slice(0, limit),
      listUnits: async () => [...units.values()],
    },
    delegations: {
      put: async (agencyId, d) => {
        delegations.push({ ...d, agencyId });
      },
      of: async (agencyId, nip) => delegations.filter((d) => d.agencyId === agencyId && d.delegatorNip === nip),
    },
    once: {
      claim: async (k) => (claims.has(k) ? false : (claims.add(k), true)),
      release: async (k) => {
        claims.delete(k);
      },
    },
    skm: {
      unitExists: async (_a, unitId) => units.has(unitId),
      getTotals: async () => undefined,
      getIdempotency: async () => undefined,
      getComment: async (id) => comments.get(id),
      commentsPage: async (agencyId, status) => ({ items: [...comments.values()].filter((c) => c.agencyId === agencyId && c.status === status) }),
      evidenceOfYear: async () => [],
      writeSubmission: async (w) => {
        if (w.comment) comments.set(w.comment.commentId, w.comment);
        return 'written';
      },
      writeModeration: async (m) => {
        const c = comments.get(m.comment.commentId);
        if (c?.status !== 'PENDING') return false;
        comments.set(c.commentId, { ...c, status: m.to, moderatedAt: m.at, moderatedBy: m.by, lastChangeId: m.changeId, linkedNips: m.linkedNips });
        return true;
      },
    },
    raterBias: {
      acknowledgementsOf: async (cycleId) => [...acknowledgements.values()].filter((a) => a.cycleId === cycleId),
      get: async (cycleId, nip) => acknowledgements.get(`${cycleId}#${nip}`),
      acknowledge: async (ack, event) => {
        if (acknowledgements.has(`${ack.cycleId}#${ack.raterNip}`)) return false;
        acknowledgements.set(`${ack.cycleId}#${ack.raterNip}`, ack);
        audit.push(event);
        return true;
      },
    },
    transact,
    idempotency: {
      get: async (k) => answers.get(k),
      put: async (k, a) => (answers.has(k) ? false : (answers.set(k, a), true)),
    },
    kiosks: {
      put: async (k) => {
        kiosks.set(k.kioskId, k);
      },
      get: async (id) => kiosks.get(id),
      revoke: async (id, agencyId, by, at) => {
        const k = kiosks.get(id);
        if (!k || k.agencyId !== agencyId || k.revokedAt) return false;
        kiosks.set(id, { ...k, revokedAt: at, revokedBy: by });
        return true;
      },
    },
    // --- files (platform) ---
    evidence: {
      get: async (c, n, id) => evidence.get(evidenceKey(c, n, id)),
      ofEvaluation: async (c, n) => [...evidence.values()].filter((i) => i.cycleId === c && i.nip === n),
      create: async (item) => {
        const k = evidenceKey(item.cycleId, item.nip, item.evidenceId);
        if (evidence.has(k)) return false;
        evidence.set(k, item);
        return true;
      },
      markStored: async (c, n, id, stored) => {
        const item = evidence.get(evidenceKey(c, n, id));
        if (item?.status !== 'PENDING') return false;
        const { expiresAt: _drop, ...rest } = item;
        evidence.set(evidenceKey(c, n, id), { ...rest, status: 'STORED', ...stored });
        return true;
      },
      remove: async (c, n, id) => evidence.delete(evidenceKey(c, n, id)),
    },
    files: {
      presignPut: async (key, o) => `https://files.test/${key}?put&type=${encodeURIComponent(o.contentType)}&size=${o.size}&ttl=${o.expiresInSeconds}`,
      presignGet: async (key, o) => `https://files.test/${key}?get&ttl=${o.expiresInSeconds}${o.fileName ? `&name=${encodeURIComponent(o.fileName)}` : ''}`,
      head: async (key) => {
        const o = objects.get(key);
        return o ? { size: o.body.length, contentType: o.contentType } : undefined;
      },
      put: async (key, body, o) => {
        objects.set(key, { body: typeof body === 'string' ? new TextEncoder().encode(body) : body, contentType: o.contentType });
      },
      get: async (key) => objects.get(key)?.body,
      delete: async (key) => {
        objects.delete(key);
      },
    },
  };
  return {
    ports,
    cycles,
    stages,
    evaluations,
    decisions,
    employees,
    units,
    invitations,
    calibrations,
    delegations,
    digestDue,
    claims,
    comments,
    acknowledgements,
    audit,
    sent,
    released,
    started,
    evidence,
    objects,
    advance(ms: number) {
      t += ms;
    },
    evaluation: (cycleId: string, nip: string) => evaluations.get(evKey(cycleId, nip)),
  };
}
export type FakeWorld = ReturnType<typeof fakePorts>;

// ─── a small office to act in ──────────────────────────────────────────────────────────────────────

export const OFFICE = {
  agency: 'kec-asemrowo',
  cycle: 'kec-asemrowo-2026',
  head: '197001011995031003',
  rater: '198001012005011002',
  self: '199001012015031001',
  peer: '199202022018032005',
  hr: '197702062002031010',
  outsider: '198505052010012004',
} as const;

export const OFFICE_SKP = {
  nip: OFFICE.self,
  period: { start: '2026-01-01', end: '2026-12-31' },
  rhk: [
    {
      id: 'rhk-1',
      jenis: 'utama' as const,
      description: 'Pembinaan posyandu',
      parentRhkId: 'rhk-atasan-1',
      indicators: [
        {
          id: 'iki-1',
          description: 'Posyandu aktif',
          target: { kind: 'quantitative' as const, value: 90, unit: 'persen', direction: 'higherIsBetter' as const },
        },
        { id: 'iki-2', description: 'Laporan tepat waktu', target: { kind: 'qualitative' as const, expectation: 'Paling lambat tanggal 10' } },
      ],
    },
  ],
};

/**
 * Kecamatan Asemrowo in a 2026 cycle at `stage`: head ← rater ← self, peer; HR (rated by the head);
 * an outsider in another unit. Every evaluation has `status` (and the SKP and realisations above).
 */
export async function seedOffice(
  world: FakeWorld,
  stage: Stage,
  status: EvaluationRecord['status'],
  overrides: Record<string, Partial<EvaluationRecord>> = {},
) {
  const { DEFAULT_SCHEDULE } = await import('../../shared/domain/lifecycle/schedule');
  const { DEFAULT_POLICY_ID } = await import('../../shared/domain/policies');
  world.units.set('kecamatan', { unitId: 'kecamatan', name: 'Kecamatan Asemrowo' });
  world.units.set('seksi-kesra', { unitId: 'seksi-kesra', name: 'Seksi Kesra', parentUnitId: 'kecamatan' });
  world.units.set('kel-tambak', { unitId: 'kel-tambak', name: 'Kelurahan Tambak', parentUnitId: 'kecamatan' });
  world.cycles.set(OFFICE.cycle, {
    cycleId: OFFICE.cycle,
    agencyId: OFFICE.agency,
    year: 2026,
    policyId: DEFAULT_POLICY_ID,
    status: 'ACTIVE',
    stage,
    version: 3,
    orgPredikat: 'BAIK',
    schedule: DEFAULT_SCHEDULE,
    createdAt: '2026-01-02T01:00:00.000Z',
  });
  world.stages.set(`${OFFICE.cycle}#${stage}`, { cycleId: OFFICE.cycle, stage, total: 10, done: 1, openedAt: '2026-07-01T01:00:00.000Z' });
  const people: [string, string, string | undefined, boolean][] = [
    [OFFICE.head, 'kecamatan', undefined, true],
    [OFFICE.rater, 'seksi-kesra', OFFICE.head, true],
    [OFFICE.self, 'seksi-kesra', OFFICE.rater, false],
    [OFFICE.peer, 'seksi-kesra', OFFICE.rater, false],
    [OFFICE.hr, 'kecamatan', OFFICE.head, false],
    [OFFICE.outsider, 'kel-tambak', OFFICE.head, false],
  ];
  for (const [nip, unitId, raterNip, isUnitHead] of people) {
    world.employees.set(nip, {
      nip,
      name: `Pegawai ${nip.slice(-4)}`,
      jabatan: 'Pelaksana',
      unitId,
      raterNip,
      isUnitHead,
      email: `${nip}@example.go.id`,
      locale: 'id',
      competencies: [],
      jenis: 'PNS',
    });
    const approverNip = people.find(([n]) => n === raterNip)?.[2];
    world.evaluations.set(`${OFFICE.cycle}#${nip}`, {
      cycleId: OFFICE.cycle,
      nip,
      name: `Pegawai ${nip.slice(-4)}`,
      jabatan: 'Pelaksana',
      unitId,
      raterNip,
      approverNip,
      isUnitHead,
      status,
      version: 4,
      policyId: DEFAULT_POLICY_ID,
      updatedAt: '2026-06-01T01:00:00.000Z',
      skp: { ...OFFICE_SKP, nip, rhk: OFFICE_SKP.rhk.map((r) => (isUnitHead ? { ...r, id: 'rhk-atasan-1', parentRhkId: undefined } : r)) },
      realisations: [
        { indicatorId: 'iki-1', value: 95 },
        { indicatorId: 'iki-2', judgement: 'DI_ATAS' },
      ],
      ...overrides[nip],
    });
  }
}

/** Callers of the office. */
export const callers = {
  self: { nip: OFFICE.self, roles: [] as string[] },
  rater: { nip: OFFICE.rater, roles: [] as string[] },
  peer: { nip: OFFICE.peer, roles: [] as string[] },
  head: { nip: OFFICE.head, roles: [] as string[] },
  outsider: { nip: OFFICE.outsider, roles: [] as string[] },
  hr: { nip: OFFICE.hr, roles: ['hr'], agencyId: OFFICE.agency },
};
