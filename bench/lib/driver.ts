/**
 * A bulk driver for a whole cycle: the same people and the same scenario as local/run-cycle.ts
 * (employees, raters, peers and HR over the HTTP API with their own tokens; approvers through the
 * signed links in their digest emails: GET the confirmation page, then POST its form), but with many
 * people acting at once, and without the per-poll cycle summary (which reads every evaluation).
 *
 * What it does differently from runCycle, and why it is still what people do:
 * - Staff submit their SKP as soon as their rater has *submitted* theirs (the API checks alignment with
 *   the rater's submitted plan), level by level down the tree, instead of waiting for each level's
 *   approval; approvers act on each digest as it arrives, while later levels are still submitting.
 * - Progress is watched by reading the cycle and stage records from DynamoDB with a client of the
 *   bench's own (not the handlers'), so the harness's polling is not counted as the system's work.
 *   HR reads the cycle summary over HTTP once, to find the calibration flags, as a person would.
 * - Every write carries an Idempotency-Key, so a request re-sent on a reset socket is a replay.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { colleaguesToInvite } from '../../local/invitations';
import { decisionForm } from '../../local/people';
import type { SampleAgency, SamplePlan } from '../../local/sample/schema';
import type { LocalStack } from '../../local/stack';
import { keys } from '../../shared/adapters/dynamodb/keys';
import { parseOutboxMessage } from '../../shared/adapters/mail/outbox';
import { benchClient } from './ceiling';
import { HttpClient } from './http';
import type { Phase } from './meters';
import { mapLimit, sleep } from './util';

export const STAGES = ['PLANNING', 'MIDYEAR', 'FINAL_SCORING', 'CALIBRATION', 'APPROVAL', 'OBJECTION', 'FOLLOW_UP'] as const;
export type StageName = (typeof STAGES)[number];

export interface StageTiming {
  stage: StageName;
  /** ms from the cycle's start (HR's POST) to the stage becoming current. */
  enteredAtMs: number;
  /** Stage current → its Open step reached everyone (readyAt). */
  openMs: number;
  /** readyAt → the driver's last action in the stage. */
  actMs: number;
  /** Last action → the cycle moved to the next stage (ticks for digests, Close, Checkpoint, the next execution's start). */
  settleMs: number;
  totalMs: number;
  /** Time the driver had nothing left to do but wait for a digest (a stage-day tick) or the window's end. */
  idleMs: number;
  actions: number;
  nodeCpuS?: number;
  dynamoCpuS?: number;
}

export interface DriverResult {
  cycleId: string;
  stages: StageTiming[];
  totalMs: number;
  httpRequests: number;
  decisionsByLink: number;
  errors: string[];
  finalEvaluations: number;
  withPredikat: number;
  /** Set when the cycle could not be completed: where and why (the stages before it are measured). */
  failure?: string;
}

type Roles = ('hr' | 'employee')[];
type CycleItem = {
  stage: StageName;
  status: string;
  failure?: { stage: string; error: string; cause?: string };
  calibration?: { flags: { unitId: string; resolved: boolean }[] };
};
type StageItem = { total?: number; done?: number; readyAt?: string; closedAt?: string };

export interface DriverOptions {
  concurrency: number;
  phase: Phase;
  log: (line: string) => void;
  /** Called when a stage becomes current (the meters switch phase). */
  onStage?: (stage: StageName | 'DONE') => void;
  cpu?: () => { node: number; dynamo?: number };
  timeoutMs?: number;
}

/** The observer: reads cycle and stage records directly, through the bench's own client. */
class Observer {
  private readonly doc: DynamoDBDocumentClient;
  lastStage: StageItem | undefined;
  constructor(
    endpoint: string,
    private readonly table: string,
    private readonly cycleId: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(benchClient(endpoint));
  }
  async cycle(): Promise<CycleItem | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: keys.cycle(this.cycleId), ConsistentRead: true }));
    return out.Item as CycleItem | undefined;
  }
  async stage(stage: StageName): Promise<StageItem | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: keys.stage(this.cycleId, stage), ConsistentRead: true }));
    this.lastStage = out.Item as StageItem | undefined;
    return this.lastStage;
  }
  async evaluationsOfUnit(unitId: string): Promise<{ status: string; predikat?: string }[]> {
    const all: { status: string; predikat?: string }[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': `CYCLE#${this.cycleId}#UNIT#${unitId}` },
          ExclusiveStartKey: cursor,
          ProjectionExpression: '#s, predikat',
          ExpressionAttributeNames: { '#s': 'status' },
        }),
      );
      all.push(...((out.Items ?? []) as { status: string; predikat?: string }[]));
      cursor = out.LastEvaluatedKey;
    } while (cursor);
    return all;
  }
  close(): void {
    this.doc.destroy();
  }
}

interface DigestLink {
  url: string;
  decisionId: string;
  subjectNip?: string;
}

export class BulkDriver {
  private readonly http: HttpClient;
  private readonly tokens = new Map<string, Promise<string>>();
  private readonly obs: Observer;
  private readonly cycleId: string;
  private readonly plans: Map<string, SamplePlan>;
  private readonly raterOf: Map<string, string | undefined>;
  private readonly seenMail = new Set<string>();
  private readonly acted = new Set<string>();
  private readonly errors: string[] = [];
  private readonly hr: { nip: string; roles: Roles };
  private decisionsByLink = 0;
  private actions = 0;
  private readonly t0 = performance.now();
  private readonly deadline: number;

  constructor(
    private readonly stack: LocalStack,
    private readonly sample: SampleAgency,
    private readonly opts: DriverOptions,
  ) {
    this.http = new HttpClient(Math.max(64, opts.concurrency * 4));
    this.cycleId = `${sample.agencyId}-${sample.year}`;
    this.obs = new Observer(stack.dynamoEndpoint, stack.tableName, this.cycleId);
    this.plans = new Map(sample.plans.map((p) => [p.nip, p]));
    this.raterOf = new Map(sample.employees.map((e) => [e.nip, e.raterNip]));
    const hrNip = sample.employees.find((e) => /Subbagian Umum/i.test(e.jabatan) && e.isUnitHead)?.nip ?? sample.employees[0]!.nip;
    this.hr = { nip: hrNip, roles: ['hr', 'employee'] };
    this.deadline = Date.now() + (opts.timeoutMs ?? 30 * 60_000);
  }

  get observer() {
    return this.obs;
  }
  get actionCount() {
    return this.actions;
  }
  get httpRequests() {
    return this.http.requests;
  }

  // ── HTTP as a person ───────────────────────────────────────────────────────────────────────────

  private token(nip: string, roles: Roles): Promise<string> {
    const key = `${nip}|${roles.join(',')}`;
    let t = this.tokens.get(key);
    if (!t) {
      t = this.stack.token(nip, roles);
      this.tokens.set(key, t);
    }
    return t;
  }

  private async call(
    method: string,
    p: string,
    as: { nip: string; roles?: Roles },
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { authorization: `Bearer ${await this.token(as.nip, as.roles ?? ['employee'])}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const r = await this.http.request(method, `${this.stack.apiUrl}${p}`, { headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    this.actions++;
    let parsed: unknown;
    try {
      parsed = r.text ? JSON.parse(r.text) : undefined;
    } catch {
      parsed = r.text;
    }
    return { status: r.status, body: parsed };
  }

  private async must(
    method: string,
    p: string,
    as: { nip: string; roles?: Roles },
    body?: unknown,
    idempotencyKey?: string,
    allowed: number[] = [],
  ): Promise<any> {
    const r = await this.call(method, p, as, body, idempotencyKey);
    if (r.status >= 400 && !allowed.includes(r.status)) {
      const msg = `${method} ${p} as ${as.nip} → ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`;
      this.error(msg);
    }
    return r.body;
  }

  private error(msg: string): void {
    if (this.errors.length < 100) this.errors.push(msg);
    if (this.errors.length <= 5) this.opts.log(`  ! ${msg}`);
  }

  /** GET the confirmation page, then POST its form, like a browser. */
  private async actOnLink(url: string, decision: 'approve' | 'return', comment: string): Promise<number> {
    const page = await this.http.request('GET', url);
    this.actions++;
    if (page.status !== 200) return page.status;
    const form = decisionForm(page.text, url, decision, comment);
    if (!form) return 200; // already decided (the page says by whom)
    const { target, body } = form;
    const post = await this.http.request('POST', target, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    this.actions++;
    if (post.status === 200) this.decisionsByLink++;
    return post.status;
  }

  // ── mail ───────────────────────────────────────────────────────────────────────────────────────

  /** New digest emails of a stage: their approve links, each with the NIP shown next to it. */
  private async newDigestLinks(stage: StageName): Promise<DigestLink[]> {
    let names: string[];
    try {
      names = await readdir(this.stack.outboxDir);
    } catch {
      return [];
    }
    const fresh = names.filter((n) => n.startsWith('digest_') && n.includes(`_${stage}_`) && n.endsWith('.eml') && !this.seenMail.has(n));
    const links: DigestLink[] = [];
    for (const name of fresh) {
      this.seenMail.add(name);
      const file = path.join(this.stack.outboxDir, name);
      const message = parseOutboxMessage(await readFile(file, 'utf8'), file);
      let subject: string | undefined;
      for (const m of message.html.matchAll(/NIP (\d{18})|href="([^"]*\/v1\/decisions\/[^"]*)"/g)) {
        if (m[1]) {
          subject = m[1];
          continue;
        }
        const url = m[2]!.replace(/&amp;/g, '&');
        const parsed = /\/v1\/decisions\/([^/?]+)\?(.*)$/.exec(url);
        if (!parsed || new URLSearchParams(parsed[2]).get('a') !== 'approve') continue;
        links.push({ url, decisionId: decodeURIComponent(parsed[1]!), subjectNip: subject });
      }
    }
    return links;
  }

  /**
   * Approvers work through their digests while the stage lasts: every fresh decision is decided
   * (approve, or what `decide` says), concurrently; `busy()` says whether other work of the stage is
   * still going (then waiting for mail is not idle time).
   */
  private async decisionLoop(
    stage: StageName,
    decide: (subjectNip: string | undefined) => { decision: 'approve' | 'return'; comment: string; then?: () => Promise<void> },
    busy: () => boolean,
    timing: { idleMs: number; lastActionAt: number },
  ): Promise<void> {
    let lastCheck = 0;
    for (;;) {
      // Two digests read in one poll may list the same decision (a new digest repeats what is still
      // pending): act on each decision once, as a person would.
      const links = (await this.newDigestLinks(stage)).filter((l) => !this.acted.has(l.decisionId) && (this.acted.add(l.decisionId), true));
      if (links.length) {
        await mapLimit(links, this.opts.concurrency, async (l) => {
          const choice = decide(l.subjectNip);
          const status = await this.actOnLink(l.url, choice.decision, choice.comment);
          if (status !== 200) this.error(`decision link ${l.decisionId} (${stage}) → ${status}`);
          else if (choice.then) await choice.then();
        });
        timing.lastActionAt = performance.now();
        continue;
      }
      const now = performance.now();
      if (now - lastCheck > 150) {
        lastCheck = now;
        const c = await this.obs.cycle();
        if (c?.failure) throw new Error(`Cycle failed at ${c.failure.stage}: ${c.failure.error} ${c.failure.cause ?? ''}`);
        if (!c || c.stage !== stage || c.status !== 'ACTIVE') return;
        await this.obs.stage(stage);
      }
      if (Date.now() > this.deadline) throw new Error(`Timed out in stage ${stage}`);
      const t = performance.now();
      await sleep(50);
      if (!busy()) timing.idleMs += performance.now() - t;
    }
  }

  // ── the cycle ──────────────────────────────────────────────────────────────────────────────────

  private async waitFor<T>(what: string, check: () => Promise<T | undefined | false>, everyMs = 50): Promise<T> {
    for (;;) {
      const v = await check();
      if (v) return v;
      if (Date.now() > this.deadline) throw new Error(`Timed out waiting for ${what}`);
      await sleep(everyMs);
    }
  }

  private async failed(): Promise<void> {
    const c = await this.obs.cycle();
    if (c?.failure) throw new Error(`Cycle failed at ${c.failure.stage}: ${c.failure.error} ${c.failure.cause ?? ''}`);
  }

  async run(): Promise<DriverResult> {
    const timings: StageTiming[] = [];
    const created = await this.call('POST', '/v1/cycles', this.hr, { year: this.sample.year, orgPredikat: 'BAIK' }, `start:${this.cycleId}`);
    if (created.status >= 400) throw new Error(`Starting the cycle failed: ${created.status} ${JSON.stringify(created.body)}`);
    const start = this.t0;
    let enteredAt = start;
    let failure: string | undefined;

    try {
      for (const stage of STAGES) {
        this.opts.onStage?.(stage);
        const cpu0 = this.opts.cpu?.();
        const timing = { idleMs: 0, lastActionAt: 0 };
        const actions0 = this.actions;
        this.opts.log(`  ${stage}: current at ${((enteredAt - start) / 1000).toFixed(1)} s`);
        // Ready: the Open step has reached everyone (FOLLOW_UP has nothing to open for people).
        await this.waitFor(`${stage} ready`, async () => {
          await this.failed();
          const s = await this.obs.stage(stage);
          return s?.readyAt ? s : undefined;
        });
        const readyAt = performance.now();
        timing.lastActionAt = readyAt;
        await this.drive(stage, timing);
        const acted = Math.max(timing.lastActionAt, readyAt);
        // Settled: the cycle has moved on.
        await this.waitFor(
          `the end of ${stage}`,
          async () => {
            const c = await this.obs.cycle();
            if (c?.failure) throw new Error(`Cycle failed at ${c.failure.stage}: ${c.failure.error} ${c.failure.cause ?? ''}`);
            return !c || c.stage !== stage || c.status !== 'ACTIVE';
          },
          25,
        );
        const left = performance.now();
        const cpu1 = this.opts.cpu?.();
        timings.push({
          stage,
          enteredAtMs: Math.round(enteredAt - start),
          openMs: Math.round(readyAt - enteredAt),
          actMs: Math.round(acted - readyAt),
          settleMs: Math.round(left - acted),
          totalMs: Math.round(left - enteredAt),
          idleMs: Math.round(timing.idleMs),
          actions: this.actions - actions0,
          ...(cpu0 && cpu1
            ? {
                nodeCpuS: Math.round((cpu1.node - cpu0.node) * 10) / 10,
                ...(cpu0.dynamo !== undefined && cpu1.dynamo !== undefined ? { dynamoCpuS: Math.round((cpu1.dynamo - cpu0.dynamo) * 10) / 10 } : {}),
              }
            : {}),
        });
        this.opts.log(
          `  ${stage}: done in ${((left - enteredAt) / 1000).toFixed(1)} s (open ${((readyAt - enteredAt) / 1000).toFixed(1)} s, people ${((acted - readyAt) / 1000).toFixed(1)} s, settle ${((left - acted) / 1000).toFixed(1)} s)`,
        );
        enteredAt = left;
      }
    } catch (err) {
      failure = (err as Error).message.slice(0, 2000);
      this.opts.log(`  ! the cycle did not complete: ${failure}`);
    }
    const totalMs = performance.now() - start;
    this.opts.onStage?.('DONE');
    const c = await this.obs.cycle();
    if (c?.status !== 'COMPLETED') this.error(`cycle ended ${c?.status} at ${c?.stage}`);

    // Check the outcome through the bench's own client: every evaluation final, with a predikat.
    let finalEvaluations = 0;
    let withPredikat = 0;
    const unitIds = [...new Set(this.sample.employees.filter((e) => !(e as { external?: boolean }).external).map((e) => e.unitId))];
    await mapLimit(unitIds, 8, async (u) => {
      for (const e of await this.obs.evaluationsOfUnit(u)) {
        if (e.status === 'FINAL') finalEvaluations++;
        if (e.predikat) withPredikat++;
      }
    });
    this.http.close();
    this.obs.close();
    return {
      cycleId: this.cycleId,
      stages: timings,
      totalMs: Math.round(totalMs),
      httpRequests: this.http.requests,
      decisionsByLink: this.decisionsByLink,
      errors: this.errors,
      finalEvaluations,
      withPredikat,
      ...(failure ? { failure } : {}),
    };
  }

  private async drive(stage: StageName, timing: { idleMs: number; lastActionAt: number }): Promise<void> {
    const c = this.opts.concurrency;
    const cyc = `/v1/cycles/${this.cycleId}`;
    const plans = this.sample.plans;
    const scenario = this.sample.scenario;
    const raterOf = (nip: string) => this.raterOf.get(nip)!;
    const mark = () => {
      timing.lastActionAt = performance.now();
    };

    switch (stage) {
      case 'PLANNING': {
        let submitting = true;
        let returned = false;
        const submit = async () => {
          for (const level of levels(
            plans.map((p) => p.nip),
            this.raterOf,
          )) {
            await mapLimit(level, c, (nip) => this.must('PUT', `${cyc}/evaluations/${nip}/skp`, { nip }, this.plans.get(nip)!.skp, `skp:${nip}`, [409]));
          }
          submitting = false;
          mark();
        };
        const approve = this.decisionLoop(
          'PLANNING',
          (subject) => {
            if (subject === scenario.returnSkpOf && !returned) {
              returned = true;
              return {
                decision: 'return',
                comment: 'Mohon indikator RHK 1 dibuat terukur dan selaras dengan RHK atasan.',
                then: () => this.must('PUT', `${cyc}/evaluations/${subject}/skp`, { nip: subject }, this.plans.get(subject)!.skp, `skp-resubmit:${subject}`),
              };
            }
            return { decision: 'approve', comment: '' };
          },
          () => submitting,
          timing,
        );
        await Promise.all([submit(), approve]);
        return;
      }
      case 'MIDYEAR': {
        await mapLimit(plans, c, async (p) => {
          await this.must('PUT', `${cyc}/evaluations/${p.nip}/progress`, { nip: p.nip }, { realisations: p.midyear }, `midyear-progress:${p.nip}`);
          await this.must(
            'PUT',
            `${cyc}/evaluations/${p.nip}/midyear-review`,
            { nip: raterOf(p.nip) },
            {
              rating: 'SESUAI',
              notes: 'Capaian tengah tahun sesuai rencana; lanjutkan dan lengkapi bukti dukung.',
            },
            `midyear-review:${p.nip}`,
          );
        });
        mark();
        return;
      }
      case 'FINAL_SCORING': {
        // No transfers in the bench: the sample's units and raters are the stored ones.
        const placement = new Map(this.sample.employees.map((e) => [e.nip, { unitId: e.unitId, raterNip: this.raterOf.get(e.nip) }]));
        await mapLimit(plans, c, async (p) => {
          await this.must('PUT', `${cyc}/evaluations/${p.nip}/progress`, { nip: p.nip }, { realisations: p.final }, `final-progress:${p.nip}`);
          const byAuthor = new Map<string, { value: string; rating: string; comment?: string }[]>();
          for (const f of p.feedback)
            byAuthor.set(f.fromNip, [...(byAuthor.get(f.fromNip) ?? []), { value: f.value, rating: f.rating, ...(f.comment ? { comment: f.comment } : {}) }]);
          // The rater invites the colleagues asked for 360° feedback first (the same people as runCycle invites).
          const peerNips = colleaguesToInvite(p.nip, byAuthor.keys(), (nip) => placement.get(nip));
          if (peerNips.length)
            await this.must('POST', `${cyc}/evaluations/${p.nip}/invitations`, { nip: raterOf(p.nip) }, { peerNips }, `invitations:${p.nip}`);
          for (const [from, feedback] of byAuthor) {
            await this.must('PUT', `${cyc}/evaluations/${p.nip}/feedback`, { nip: from }, { feedback }, `feedback:${p.nip}:${from}`, [403]);
          }
          await this.must('PUT', `${cyc}/evaluations/${p.nip}/rating`, { nip: raterOf(p.nip) }, p.raterOverride ?? {}, `rating:${p.nip}`);
        });
        mark();
        return;
      }
      case 'CALIBRATION': {
        const summary = await this.must('GET', cyc, this.hr);
        for (const flag of (summary?.cycle?.calibration?.flags ?? []).filter((f: { resolved: boolean }) => !f.resolved)) {
          await this.must(
            'POST',
            `${cyc}/calibration/${flag.unitId}/resolution`,
            this.hr,
            {
              reason: 'Ditinjau bersama pejabat penilai; sebaran sesuai kinerja nyata unit ini (catatan kalibrasi).',
            },
            `calibration:${flag.unitId}`,
          );
        }
        mark();
        return;
      }
      case 'APPROVAL': {
        let returned = false;
        let rerating = false;
        await this.decisionLoop(
          'APPROVAL',
          (subject) => {
            if (subject === scenario.returnEvaluationOf && !returned) {
              returned = true;
              return {
                decision: 'return',
                comment: 'Bukti dukung realisasi RHK 2 belum dilampirkan; mohon dilengkapi dan dinilai ulang.',
                then: async () => {
                  rerating = true;
                  await this.must(
                    'PUT',
                    `${cyc}/evaluations/${subject}/rating`,
                    { nip: raterOf(subject) },
                    this.plans.get(subject)!.raterOverride ?? {},
                    `rerating:${subject}`,
                  );
                  rerating = false;
                },
              };
            }
            return { decision: 'approve', comment: 'Setuju.' };
          },
          () => rerating,
          timing,
        );
        return;
      }
      case 'OBJECTION': {
        const o = scenario.objection;
        await this.must(
          'POST',
          `${cyc}/evaluations/${o.nip}/objection`,
          { nip: o.nip },
          { reason: o.reason, requestedPredikat: o.requestedPredikat },
          `objection:${o.nip}`,
          [409],
        );
        mark();
        await this.decisionLoop(
          'OBJECTION',
          () => ({ decision: 'approve', comment: 'Keberatan diterima setelah klarifikasi dengan pejabat penilai.' }),
          () => false,
          timing,
        );
        return;
      }
      case 'FOLLOW_UP':
        return;
    }
  }
}

/** NIPs in levels down the rating tree: everyone's rater is in an earlier level (or outside the roster). */
export function levels(nips: readonly string[], raterOf: Map<string, string | undefined>): string[][] {
  const inRoster = new Set(nips);
  const depth = new Map<string, number>();
  const depthOf = (nip: string, seen = new Set<string>()): number => {
    const known = depth.get(nip);
    if (known !== undefined) return known;
    const rater = raterOf.get(nip);
    const d = rater && inRoster.has(rater) && !seen.has(nip) ? 1 + depthOf(rater, seen.add(nip)) : 0;
    depth.set(nip, d);
    return d;
  };
  const out: string[][] = [];
  for (const nip of nips) (out[depthOf(nip)] ??= []).push(nip);
  return out.filter(Boolean);
}
