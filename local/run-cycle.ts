/**
 * Drives one whole cycle on the local stack with simulated people, stage by stage, and returns the
 * outcome. Used by `npm start` and by the integration tests.
 */

import { putEmployee, putUnit } from '../shared/adapters/dynamodb/repository';
import { mapLimit } from '../shared/application/util';
import { STAGES, type Stage } from '../shared/domain/lifecycle/status';
import { colleaguesToInvite, type Placement } from './invitations';
import { ApiClient, actOnLink, fetchRetrying, Inbox, parseDecisionLink } from './people';
import type { SampleAgency } from './sample/schema';
import type { LocalStack } from './stack';

export interface RunOptions {
  log?: (line: string) => void;
  /** Stop after this stage has been driven (for kill-and-resume tests). */
  stopAfter?: Stage;
  /** Continue a cycle the stored state says is under way, instead of starting one. */
  resume?: boolean;
  /** Called when each stage is ready, before the simulated people act: HR's mid-cycle changes go here. */
  onStage?: (
    stage: Stage,
    ctx: { api: ApiClient; hr: { nip: string; roles: ('hr' | 'employee')[] }; cycleId: string },
  ) => Promise<{ raterChanges?: Record<string, string> } | void>;
  /** An approver who does not act: their items wait for escalation, then their superior decides. */
  lateApproverNip?: string;
  timeoutMs?: number;
}

export interface CycleOutcome {
  cycleId: string;
  /** The HR officer the run acted as. */
  hrNip: string;
  summary: any;
  evaluations: { nip: string; name: string; unitId: string; status: string; predikat?: string }[];
  emails: number;
  decisionsByLink: number;
  /** IKM per service unit, as the public endpoint reports it. */
  ikm: { unitId: string; ikm: number; mutu: string; respondents: number }[];
}

export async function seedRoster(sample: SampleAgency): Promise<void> {
  for (const u of sample.units) await putUnit(sample.agencyId, u);
  await mapLimit(sample.employees, 8, (e) => putEmployee(sample.agencyId, e as Parameters<typeof putEmployee>[1]));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Raters before their staff, so each SKP can link to the rater's approved plan. */
function topDown(sample: SampleAgency): string[] {
  const byNip = new Map(sample.employees.map((e) => [e.nip, e]));
  const depth = (nip: string, seen = new Set<string>()): number => {
    const e = byNip.get(nip);
    if (!e?.raterNip || seen.has(nip)) return 0;
    seen.add(nip);
    return 1 + depth(e.raterNip, seen);
  };
  return sample.plans.map((p) => p.nip).sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
}

export async function runCycle(stack: LocalStack, sample: SampleAgency, options: RunOptions = {}): Promise<CycleOutcome> {
  const log = options.log ?? (() => undefined);
  const api = new ApiClient(stack.apiUrl, (nip, roles) => stack.token(nip, roles));
  const inbox = new Inbox(stack.outboxDir);
  const hrNip = sample.employees.find((e) => /Subbagian Umum/i.test(e.jabatan) && e.isUnitHead)?.nip ?? sample.employees[0]!.nip;
  const hr = { nip: hrNip, roles: ['hr', 'employee'] as ('hr' | 'employee')[] };
  const cycleId = `${sample.agencyId}-${sample.year}`;
  const plans = new Map(sample.plans.map((p) => [p.nip, p]));
  const employees = new Map(sample.employees.map((e) => [e.nip, e]));
  // Who rates whom now (transfers and handovers change it during the cycle).
  const raterOf = new Map(sample.employees.map((e) => [e.nip, e.raterNip]));
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  let decisionsByLink = 0;
  const acted = new Set<string>();
  let lateActive = false; // the late approver is late in the approval stage only
  // Scenario steps already taken (a returned SKP, a returned evaluation), so each happens once.
  const returned = new Set<string>();
  const resubmitted = new Set<string>();

  const summary = () => api.expect('GET', `/v1/cycles/${cycleId}`, hr);
  async function waitFor(check: (s: any) => boolean, what: string) {
    for (;;) {
      const s = await summary();
      if (s.cycle.failure) throw new Error(`Cycle failed at ${s.cycle.failure.stage}: ${s.cycle.failure.error} ${s.cycle.failure.cause ?? ''}`);
      if (check(s)) return s;
      if (['FAILED', 'ABORTED', 'TIMED_OUT'].includes(s.workflow?.status) && s.cycle.status === 'ACTIVE') {
        throw new Error(`Workflow ${s.workflow.name} ${s.workflow.status}: ${s.workflow.error} ${s.workflow.cause ?? ''}`);
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await sleep(40);
    }
  }
  const stageOf = (s: any, stage: Stage) => s.stages.find((x: any) => x.stage === stage);
  // A stage with nothing to do (calibration without flags) may open and close between two polls: having
  // moved past it counts as having reached it.
  const passed = (s: any, stage: Stage) => s.cycle.status !== 'ACTIVE' || STAGES.indexOf(s.cycle.stage) > STAGES.indexOf(stage);
  const atStage = (stage: Stage) => waitFor((s) => (s.cycle.stage === stage && Boolean(stageOf(s, stage)?.readyAt)) || passed(s, stage), `stage ${stage}`);
  const stageDone = (stage: Stage) => waitFor((s) => s.cycle.stage !== stage || s.cycle.status !== 'ACTIVE', `the end of ${stage}`);

  /** Approvers work through their inbox: every fresh decision link is approved, except those the scenario returns. */
  async function actOnInbox(decide: (subjectNip: string | undefined, email: { to: string[] }) => { decision: 'approve' | 'return'; comment: string }) {
    const messages = await inbox.newMessages();
    for (const m of messages) {
      const late = lateActive && options.lateApproverNip && m.to.includes(employees.get(options.lateApproverNip)?.email ?? '-');
      // Digests carry approve links; an escalation email gives the superior a link to the same decision.
      const links = late
        ? []
        : m.links.filter((l) => {
            const a = parseDecisionLink(l)?.action;
            return a === 'approve' || (a === 'view' && m.tags.kind === 'escalation');
          });
      await mapLimit(links, 4, async (link) => {
        const id = parseDecisionLink(link)!.decisionId;
        if (acted.has(id)) return;
        acted.add(id);
        const subject = subjectOf(m.html, link);
        const choice = decide(subject, m);
        const r = await actOnLink(link, choice.decision, choice.comment);
        if (r.status !== 200) throw new Error(`Decision link ${id} → ${r.status}`);
        decisionsByLink++;
      });
    }
  }
  /** The NIP shown next to a link in the digest (each item lists "NIP <18 digits>" before its buttons). */
  function subjectOf(html: string, link: string): string | undefined {
    const at = html.indexOf(link.replace(/&/g, '&amp;'));
    const before = html.slice(0, at >= 0 ? at : html.length);
    const nips = [...before.matchAll(/(\d{18})/g)].map((m) => m[1]);
    return nips[nips.length - 1];
  }
  /** Repeats `work` until it reports done, or the workflow has moved past `stage`. */
  const until = async (stage: Stage, work: () => Promise<boolean | void>) => {
    for (;;) {
      if ((await work()) === true) return;
      const s = await summary();
      if (s.cycle.failure) throw new Error(`Cycle failed at ${s.cycle.failure.stage}: ${s.cycle.failure.error}`);
      if (s.cycle.stage !== stage || s.cycle.status !== 'ACTIVE') return;
      if (Date.now() > deadline) throw new Error(`Timed out in stage ${stage}`);
      await sleep(100);
    }
  };
  const progress = (stage: Stage, s: any) => {
    const st = stageOf(s, stage);
    log(`  ${stage.padEnd(13)} ${st ? `${st.done}/${st.total} selesai` : ''}`);
  };

  /**
   * Citizens answer the SKM survey at the service counters, without an account, on the counter's kiosk:
   * HR issues a kiosk token per unit (one address here, so the per-address budget would stop at 5).
   */
  async function citizensAnswerTheSurvey() {
    let accepted = 0;
    let refused = 0;
    for (const unit of sample.skm) {
      const kiosk: any = await api.expect('POST', '/v1/skm/kiosks', hr, { unitId: unit.unitId, label: 'Loket pelayanan' });
      await mapLimit(
        unit.responses.map((answers, i) => ({ answers, i })),
        6,
        async ({ answers, i }) => {
          const comment = unit.comments[i]?.text;
          const res = await fetchRetrying(`${stack.apiUrl}/v1/public/units/${unit.unitId}/skm`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'user-agent': `Citizen-${unit.unitId}-${i}`, 'x-kiosk-token': kiosk.token },
            body: JSON.stringify({ answers, ...(comment ? { comment } : {}) }),
          });
          if (res.status === 201) accepted++;
          else if (res.status === 400)
            refused++; // markup in a comment is refused, by design
          else throw new Error(`SKM ${unit.unitId} #${i}: ${res.status} ${await res.text()}`);
        },
      );
    }
    log(`  SKM: ${accepted} jawaban warga diterima${refused ? `, ${refused} ditolak (berisi markup)` : ''}`);
  }

  /** HR moderates citizens' comments; approved ones that name an employee become evidence for their rater. */
  async function hrModeratesComments() {
    let approvedCount = 0;
    for (;;) {
      const page: any = await api.expect('GET', `/v1/skm/comments?status=PENDING&limit=100`, hr);
      if (!page.items.length) break;
      await mapLimit(page.items, 6, (c: any) => api.expect('POST', `/v1/skm/comments/${c.commentId}/moderation`, hr, { decision: 'approve' }));
      approvedCount += page.items.length;
    }
    log(`  HR memoderasi ${approvedCount} komentar warga`);
  }

  async function hook(stage: Stage) {
    const r = await options.onStage?.(stage, { api, hr, cycleId });
    for (const [nip, rater] of Object.entries(r?.raterChanges ?? {})) raterOf.set(nip, rater);
  }
  const drive: Record<Stage, () => Promise<void>> = {
    PLANNING: planning,
    MIDYEAR: midyear,
    FINAL_SCORING: finalScoring,
    CALIBRATION: calibration,
    APPROVAL: approval,
    OBJECTION: objectionWindow,
    FOLLOW_UP: followUp,
  };
  let from: Stage = 'PLANNING';
  if (options.resume) {
    // After a kill: the stored cycle says where it stood; the stage's execution is started again.
    const s = await summary();
    from = s.cycle.stage;
    const r = await api.expect('POST', `/v1/cycles/${cycleId}/resume`, hr);
    // Who rates whom is what the stored evaluations say now (transfers may have happened before the kill).
    for (const u of s.units) {
      let cursor: string | null = null;
      do {
        const page: any = await api.expect(
          'GET',
          `/v1/cycles/${cycleId}/evaluations?unitId=${encodeURIComponent(u.unitId)}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
          hr,
        );
        for (const e of page.items) if (e.raterNip) raterOf.set(e.nip, e.raterNip);
        cursor = page.next;
      } while (cursor);
    }
    log(`Siklus ${cycleId} dilanjutkan dari tahap ${from} (${r.outcome})`);
  } else {
    // HR starts the cycle (the yearly schedule does the same in AWS).
    const created = await api.call('POST', '/v1/cycles', hr, { year: sample.year, orgPredikat: 'BAIK' });
    if (created.status >= 400) throw new Error(`Starting the cycle failed: ${created.status} ${JSON.stringify(created.body)}`);
    log(`Siklus ${cycleId} dimulai`);
  }
  const order: Stage[] = ['PLANNING', 'MIDYEAR', 'FINAL_SCORING', 'CALIBRATION', 'APPROVAL', 'OBJECTION', 'FOLLOW_UP'];
  for (const stage of order.slice(order.indexOf(from))) {
    await drive[stage]();
    if (options.stopAfter === stage) return outcome();
  }
  return outcome();

  // ── Planning: SKPs submitted top-down; raters approve from their digest; one SKP is returned once.
  async function planning() {
    await atStage('PLANNING');
    await hook('PLANNING');
    log('Tahap 1 · Perencanaan (SKP)');
    const order = topDown(sample);
    const approved = new Set<string>();
    for (const level of groupByRater(order, employees)) {
      await mapLimit(level, 6, async (nip) => {
        const r = await api.call('PUT', `/v1/cycles/${cycleId}/evaluations/${nip}/skp`, { nip }, plans.get(nip)!.skp);
        if (r.status >= 400 && r.status !== 409) throw new Error(`SKP ${nip}: ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
      });
      // Wait until this level is approved before the next level links to it.
      await until('PLANNING', async () => {
        await actOnInbox((subject) =>
          subject === sample.scenario.returnSkpOf && !returned.has('skp')
            ? (returned.add('skp'), { decision: 'return', comment: 'Mohon indikator RHK 1 dibuat terukur dan selaras dengan RHK atasan.' })
            : { decision: 'approve', comment: '' },
        );
        if (returned.has('skp') && !resubmitted.has('skp')) {
          const ev = await api.call('GET', `/v1/cycles/${cycleId}/evaluations/${sample.scenario.returnSkpOf}`, { nip: sample.scenario.returnSkpOf });
          if (ev.body?.evaluation?.status === 'SKP_RETURNED') {
            resubmitted.add('skp');
            await api.expect(
              'PUT',
              `/v1/cycles/${cycleId}/evaluations/${sample.scenario.returnSkpOf}/skp`,
              { nip: sample.scenario.returnSkpOf },
              plans.get(sample.scenario.returnSkpOf)!.skp,
            );
            log(`  SKP ${employees.get(sample.scenario.returnSkpOf)?.name} dikembalikan dengan catatan, lalu diajukan ulang`);
          }
        }
        // The rater's own team list shows who is approved; ask only about those not yet seen approved.
        const waiting = level.filter((nip) => !approved.has(nip));
        await mapLimit(waiting, 6, async (nip) => {
          const r = await api.call('GET', `/v1/cycles/${cycleId}/evaluations/${nip}`, { nip });
          if (r.body?.evaluation?.status === 'SKP_APPROVED') approved.add(nip);
        });
        return level.every((nip) => approved.has(nip));
      });
    }
    progress('PLANNING', await stageDone('PLANNING'));
  }

  // ── Mid-year check: progress with evidence; the rater reviews with coaching notes.
  async function midyear() {
    await atStage('MIDYEAR');
    await hook('MIDYEAR');
    log('Tahap 2 · Pemantauan dan evaluasi tengah tahun');
    await mapLimit(sample.plans, 6, (p) =>
      api.expect('PUT', `/v1/cycles/${cycleId}/evaluations/${p.nip}/progress`, { nip: p.nip }, { realisations: p.midyear }),
    );
    await citizensAnswerTheSurvey();
    await mapLimit(sample.plans, 6, async (p) => {
      const rater = raterOf.get(p.nip)!;
      await api.expect(
        'PUT',
        `/v1/cycles/${cycleId}/evaluations/${p.nip}/midyear-review`,
        { nip: rater },
        {
          rating: 'SESUAI',
          notes: 'Capaian tengah tahun sesuai rencana; lanjutkan dan lengkapi bukti dukung.',
        },
      );
    });
    progress('MIDYEAR', await stageDone('MIDYEAR'));
  }

  // ── Final scoring: final realisations, 360° feedback, then the rater's rating.
  async function finalScoring() {
    await atStage('FINAL_SCORING');
    await hook('FINAL_SCORING');
    log('Tahap 3 · Evaluasi kinerja tahunan');
    await mapLimit(sample.plans, 6, (p) => api.expect('PUT', `/v1/cycles/${cycleId}/evaluations/${p.nip}/progress`, { nip: p.nip }, { realisations: p.final }));
    // Raters know their office as it is now (after any transfer): HR's lists give each person's unit and rater.
    const placement = await currentPlacements();
    await mapLimit(sample.plans, 4, async (p) => {
      const byAuthor = new Map<string, { value: string; rating: string; comment?: string }[]>();
      for (const f of p.feedback)
        byAuthor.set(f.fromNip, [...(byAuthor.get(f.fromNip) ?? []), { value: f.value, rating: f.rating, ...(f.comment ? { comment: f.comment } : {}) }]);
      // The rater first invites the colleagues asked for 360° feedback; only invited colleagues may give it.
      const rater = placement.get(p.nip)?.raterNip ?? raterOf.get(p.nip);
      const peerNips = colleaguesToInvite(p.nip, byAuthor.keys(), (nip) => placement.get(nip));
      if (rater && peerNips.length) {
        const r = await api.call('POST', `/v1/cycles/${cycleId}/evaluations/${p.nip}/invitations`, { nip: rater }, { peerNips });
        if (r.status !== 201 && r.status !== 200) throw new Error(`invitations ${rater}→${p.nip}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      }
      for (const [from, feedback] of byAuthor) {
        const r = await api.call('PUT', `/v1/cycles/${cycleId}/evaluations/${p.nip}/feedback`, { nip: from }, { feedback });
        if (r.status >= 400 && r.status !== 403) throw new Error(`feedback ${from}→${p.nip}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      }
    });
    await hrModeratesComments();
    await mapLimit(sample.plans, 6, async (p) => {
      const rater = raterOf.get(p.nip)!;
      await api.expect('PUT', `/v1/cycles/${cycleId}/evaluations/${p.nip}/rating`, { nip: rater }, p.raterOverride ?? {});
    });
    progress('FINAL_SCORING', await stageDone('FINAL_SCORING'));
  }

  // ── Calibration: HR reviews every unit the curve flags, and records a reason.
  async function calibration() {
    await atStage('CALIBRATION');
    await hook('CALIBRATION');
    log('Tahap 4 · Kalibrasi kurva distribusi');
    await until('CALIBRATION', async () => {
      const s = await summary();
      for (const flag of (s.cycle.calibration?.flags ?? []).filter((f: any) => !f.resolved)) {
        await api.expect('POST', `/v1/cycles/${cycleId}/calibration/${flag.unitId}/resolution`, hr, {
          reason: 'Ditinjau bersama pejabat penilai; sebaran sesuai kinerja nyata unit kecil ini (catatan kalibrasi).',
        });
        log(`  unit ${flag.unitId}: ${flag.violations.length} catatan kurva ditinjau HR`);
      }
    });
  }

  // ── Approval: approvers act on digest links; one evaluation is returned and re-rated.
  async function approval() {
    await atStage('APPROVAL');
    await hook('APPROVAL');
    lateActive = true;
    log('Tahap 5 · Persetujuan atasan pejabat penilai (tautan email)');
    await until('APPROVAL', async () => {
      await actOnInbox((subject) =>
        subject === sample.scenario.returnEvaluationOf && !returned.has('eval')
          ? (returned.add('eval'), { decision: 'return', comment: 'Bukti dukung realisasi RHK 2 belum dilampirkan; mohon dilengkapi dan dinilai ulang.' })
          : { decision: 'approve', comment: 'Setuju.' },
      );
      if (returned.has('eval') && !resubmitted.has('eval')) {
        const nip = sample.scenario.returnEvaluationOf;
        const ev = await api.call('GET', `/v1/cycles/${cycleId}/evaluations/${nip}`, { nip });
        if (ev.body?.evaluation?.status === 'RETURNED_TO_RATER') {
          resubmitted.add('eval');
          await api.expect('PUT', `/v1/cycles/${cycleId}/evaluations/${nip}/rating`, { nip: raterOf.get(nip)! }, plans.get(nip)!.raterOverride ?? {});
          log(`  penilaian ${employees.get(nip)?.name} dikembalikan dengan alasan, dinilai ulang, lalu disetujui`);
        }
      }
    });
  }

  // ── Objection window: one employee objects; the approver decides (final).
  async function objectionWindow() {
    lateActive = false;
    await atStage('OBJECTION');
    await hook('OBJECTION');
    log('Tahap 6 · Masa keberatan (14 hari)');
    const objection = sample.scenario.objection;
    const filed = await api.call(
      'POST',
      `/v1/cycles/${cycleId}/evaluations/${objection.nip}/objection`,
      { nip: objection.nip },
      { reason: objection.reason, requestedPredikat: objection.requestedPredikat },
    );
    if (filed.status >= 400 && filed.status !== 409) throw new Error(`objection: ${filed.status} ${JSON.stringify(filed.body)}`);
    log(`  ${employees.get(objection.nip)?.name} mengajukan keberatan`);
    await until('OBJECTION', async () => {
      await actOnInbox(() => ({ decision: 'approve', comment: 'Keberatan diterima setelah klarifikasi dengan pejabat penilai.' }));
    });
  }

  // ── Follow-up: results final; training and consequences recorded.
  async function followUp() {
    log('Tahap 7 · Tindak lanjut');
    await waitFor((s) => s.cycle.status === 'COMPLETED', 'the cycle to complete');
  }

  /** Every evaluation's unit and rater as stored now, from HR's unit lists. */
  async function currentPlacements(): Promise<Map<string, Placement>> {
    const s = await summary();
    const out = new Map<string, Placement>();
    for (const u of s.units) {
      let cursor: string | null = null;
      do {
        const page: any = await api.expect(
          'GET',
          `/v1/cycles/${cycleId}/evaluations?unitId=${encodeURIComponent(u.unitId)}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
          hr,
        );
        for (const e of page.items) out.set(e.nip, { unitId: e.unitId, raterNip: e.raterNip });
        cursor = page.next;
      } while (cursor);
    }
    return out;
  }

  async function outcome(): Promise<CycleOutcome> {
    const s = await summary();
    const evaluations: CycleOutcome['evaluations'] = [];
    for (const u of s.units) {
      let cursor: string | null = null;
      do {
        const page: any = await api.expect(
          'GET',
          `/v1/cycles/${cycleId}/evaluations?unitId=${encodeURIComponent(u.unitId)}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
          hr,
        );
        for (const e of page.items) evaluations.push({ nip: e.nip, name: e.name, unitId: e.unitId, status: e.status, predikat: e.predikat });
        cursor = page.next;
      } while (cursor);
    }
    const emails = (await import('../shared/adapters/mail/outbox')).readOutbox(stack.outboxDir).then((m) => m.length);
    const ikm = [];
    for (const unit of sample.skm) {
      const r = await fetchRetrying(`${stack.apiUrl}/v1/public/units/${unit.unitId}/ikm`);
      if (r.status === 200) ikm.push(await r.json());
    }
    return { cycleId, hrNip: hr.nip, summary: s, evaluations, emails: await emails, decisionsByLink, ikm };
  }
}

/** Groups NIPs (already ordered top-down) into levels: everyone in a level has a rater in an earlier level. */
function groupByRater(order: string[], employees: Map<string, { raterNip?: string }>): string[][] {
  const levels: string[][] = [];
  const levelOf = new Map<string, number>();
  for (const nip of order) {
    const rater = employees.get(nip)?.raterNip;
    const l = rater && levelOf.has(rater) ? levelOf.get(rater)! + 1 : 0;
    levelOf.set(nip, l);
    (levels[l] ??= []).push(nip);
  }
  return levels.filter(Boolean);
}
