/**
 * (b) Cost per employee-cycle, counted from a whole cycle on the local stack (1,000 generated
 * employees, run in cost mode: handlers log at INFO as deployed, the log bytes are counted, and a
 * stage-day is long enough that no artificial reminder or escalation fires), priced with bench/prices.ts.
 *
 * Counted in the run: state transitions (StateEntered + retries), Lambda invocations and durations per
 * function, HTTP API requests, DynamoDB read/write units (ReturnConsumedCapacity on every call), emails
 * (outbox files), handler log bytes, table bytes. Modelled (each assumption is a named constant below):
 * Lambda platform log lines, API access log lines, state-machine log events, cold starts, X-Ray
 * sampling, KMS and Secrets Manager calls, Cognito monthly active users, monthly fixed charges, and the
 * calendar: in AWS a stage lasts its schedule's days, each day costs one tick (5 transitions, 3
 * invocations), whatever the cohort.
 *
 * For 100,000 employees: what grows with the cohort is taken per employee from the run; what is fixed
 * per cycle (ticks, stage boundaries, monthly charges) is spread over 100,000; and reads that grow with
 * the number of units *per request* (the unit list, read by reminder and escalation rounds) are scaled
 * by the number of units.
 */
import { FUNCTIONS } from '../infra/functions';
import { DEFAULT_SCHEDULE } from '../shared/domain/lifecycle/schedule';
import { runInChild } from './lib/child';
import type { CycleRun } from './lib/cycle-run';
import { latestResult, log, round } from './lib/util';
import { PRICES, PRICES_AS_OF, type PriceId, REGION } from './prices';

/** Assumptions of the model, one place. */
export const ASSUMPTIONS = {
  /** Months in which an employee signs in per cycle: January (planning, and the previous cycle's final scoring) and July (mid-year). */
  cognitoMauMonthsPerEmployee: 2,
  /** Share of invocations that start a new execution environment (billed INIT since 2025-08). */
  coldStartShare: 0.01,
  /** INIT duration when bench/results has no handlers run (ms): module init + runtime bootstrap. */
  defaultInitMs: 250,
  /** Lambda platform log lines per invocation (JSON format: platform.start + platform.report with X-Ray), bytes. */
  platformLogBytesPerInvocation: 600,
  /** One API access log line (the stage's default format), bytes. */
  accessLogBytesPerRequest: 250,
  /** One state-machine log event at level ALL without execution data, bytes. */
  sfnLogBytesPerHistoryEvent: 350,
  /** Log retention is one year: each GB ingested is stored ~12 months (compressed ~ ×0.15). */
  logStoredGbMonthsPerGbIngested: 12 * 0.15,
  /** Share of requests X-Ray records with the default sampling rule (1/s reservoir + 5 %) for office-hours traffic. */
  xraySampledShare: 0.5,
  /** KMS: an upper bound of one request per invocation and per transition (DynamoDB, Logs, Step Functions and Secrets Manager cache data keys, so the real figure is far lower). */
  kmsRequestsPerInvocation: 1,
  kmsRequestsPerTransition: 1,
  /** GetSecretValue calls per cold start of a function that signs or verifies links (AWSCURRENT + AWSPREVIOUS). */
  secretCallsPerColdStart: 2,
  /** Months a cycle's data stays in the table (then archived/exported); PITR covers the same bytes. */
  tableRetentionMonths: 12,
  /** Reminder and escalation emails per employee in AWS: a reminder to ~20 % of people in the four stages people act in. */
  reminderEmailsPerEmployee: 0.8,
  /** State transitions, Lambda invocations per stage-day (AwaitPeople timeout → NextDay → CheckDeadlines → DeadlineAction → Notify). */
  transitionsPerDay: 5,
  invocationsPerDay: { 'stage-tick': 1, 'stage-notify': 1, 'stage-await': 1 } as Record<string, number>,
  /** Fixed monthly charges: one CMK, one secret, CloudWatch alarms (4 + one per function). */
  alarms: 4 + Object.keys(FUNCTIONS).length,
  cyclesPerYear: 1,
};

/** Days each stage lasts in AWS: people finish around the deadline; the objection window is fixed. */
function scheduleDays(): number {
  let days = 0;
  // FOLLOW_UP waits on no one: its await step completes at once.
  for (const [stage, w] of Object.entries(DEFAULT_SCHEDULE.windows)) if (stage !== 'FOLLOW_UP') days += w.fixedWindowDays ?? w.deadlineDay;
  return days;
}

const price = (id: PriceId) => PRICES[id].usd;

export interface CostLine {
  service: string;
  quantity: number;
  unit: string;
  usd: number;
  basis: 'counted' | 'modelled' | 'fixed';
  note?: string;
}

/**
 * Write units per employee that grow with the cohort, fitted on the latest `cycle` results (1,000 and
 * 10,000): every person's transaction also updates the stage record, whose "digest due" map holds one
 * entry per recipient, so its size — and the units each such write costs — grows with the number of
 * raters. Only stages measured at both sizes are fitted.
 */
export function writeGrowth(agency: number): { perEmployeeAt: number; stages: string[]; small: number; large: number; note: string } | undefined {
  const cycle = latestResult<{ runs?: CycleRun[] }>('cycle');
  const runs = (cycle?.runs ?? []).filter((r) => r && !('error' in r) && r.dynamo);
  const small = runs.find((r) => r.n === 1000);
  const large = runs.filter((r) => r.n > 1000).sort((a, b) => b.n - a.n)[0];
  if (!small || !large) return undefined;
  const stages = large.driver.stages.map((s) => s.stage).filter((st) => small.driver.stages.some((x) => x.stage === st));
  const wcuPerEmployee = (r: CycleRun) => stages.reduce((a, st) => a + Object.values(r.dynamo.byStage[st] ?? {}).reduce((b, o) => b + o.wcu, 0), 0) / r.n;
  const a = wcuPerEmployee(small);
  const b = wcuPerEmployee(large);
  const slope = (b - a) / (large.n - small.n);
  return {
    perEmployeeAt: Math.max(0, slope * (agency - small.n)),
    stages,
    small: round(a, 1),
    large: round(b, 1),
    note: `WRU/employee in ${stages.join(', ')}: ${round(a, 1)} at ${small.n.toLocaleString('en')}, ${round(b, 1)} at ${large.n.toLocaleString('en')} (cycle results); extrapolated linearly`,
  };
}

function linesFor(run: CycleRun, agency: number, initMs: number, asMeasured: boolean): CostLine[] {
  const n = run.n;
  const per = (x: number) => x / n;
  const scaleFixed = asMeasured ? n : agency; // fixed per-cycle quantities are spread over this many employees
  const lines: CostLine[] = [];

  // ── Step Functions: paged steps grow with the cohort, the rest is per cycle (and per day in AWS).
  const byState = run.sfn.byState;
  const paged = Object.entries(byState)
    .filter(([k]) => /^(Open|Close)(\.|$)/.test(k))
    .reduce((a, [, v]) => a + v, 0);
  const ticksLocal = byState.NextDay ?? 0;
  const otherLocal = run.sfn.transitions - paged;
  const fixedPerCycleAws = otherLocal - ASSUMPTIONS.transitionsPerDay * ticksLocal + ASSUMPTIONS.transitionsPerDay * scheduleDays();
  const transitionsPerEmployee = asMeasured ? per(run.sfn.transitions) : per(paged) + fixedPerCycleAws / scaleFixed;
  lines.push({
    service: 'Step Functions (Standard)',
    quantity: transitionsPerEmployee,
    unit: 'transitions',
    usd: transitionsPerEmployee * price('stepFunctionsStandardTransition'),
    basis: 'counted',
    note: asMeasured ? 'as counted in the run' : `paged steps per employee + ${Math.round(fixedPerCycleAws)} per cycle (${scheduleDays()} stage-days of ticks)`,
  });

  // ── Lambda: invocations and billed duration per function; per-day functions are per cycle in AWS.
  let invocations = 0;
  let gbSeconds = 0;
  for (const [id, s] of Object.entries(run.lambda.cycle)) {
    const memGb = ((FUNCTIONS as Record<string, { memorySize?: number }>)[id]?.memorySize ?? 512) / 1024;
    const perDay = ASSUMPTIONS.invocationsPerDay[id];
    let inv = per(s.invocations);
    let billed = per(s.billedMs);
    if (!asMeasured && perDay) {
      // The day's invocations are a per-cycle count in AWS; their work (digests, reminders) stays per employee.
      const avg = s.billedMs / Math.max(1, s.invocations);
      const awsCount = 7 + perDay * scheduleDays();
      inv = awsCount / scaleFixed;
      billed = per(s.billedMs) + (Math.max(0, awsCount - s.invocations) * Math.min(avg, 200)) / scaleFixed;
    }
    invocations += inv;
    gbSeconds += (billed / 1000) * memGb;
  }
  const coldStarts = invocations * ASSUMPTIONS.coldStartShare;
  gbSeconds += coldStarts * (initMs / 1000) * 0.5;
  lines.push({ service: 'Lambda requests', quantity: invocations, unit: 'invocations', usd: invocations * price('lambdaRequest'), basis: 'counted' });
  lines.push({
    service: 'Lambda duration (arm64)',
    quantity: gbSeconds,
    unit: 'GB-s',
    usd: gbSeconds * price('lambdaArmGbSecond'),
    basis: 'counted',
    note: `handler time measured here (a loaded 2-core machine, DynamoDB Local), + INIT for ${ASSUMPTIONS.coldStartShare * 100} % cold starts × ${Math.round(initMs)} ms`,
  });

  // ── API Gateway HTTP API
  const requests = per(run.http.requests);
  lines.push({ service: 'API Gateway HTTP API', quantity: requests, unit: 'requests', usd: requests * price('apiGatewayHttpRequest'), basis: 'counted' });

  // ── DynamoDB (units as DynamoDB Local reports them: transactions 2× per item, index writes included)
  let rcu = 0;
  let wcu = 0;
  for (const s of Object.values(run.dynamo.cycle)) {
    rcu += s.rcu;
    wcu += s.wcu;
  }
  const unitListRcu = Object.entries(run.dynamo.patterns)
    .filter(([k]) => k.startsWith('Query AGENCY#* ^UNIT#'))
    .reduce((a, [, v]) => a + v.rcu, 0);
  const unitsRatio = asMeasured ? 1 : agency / n;
  const rcuPerEmployee = per(rcu - unitListRcu) + per(unitListRcu) * unitsRatio;
  lines.push({
    service: 'DynamoDB writes (on demand)',
    quantity: per(wcu),
    unit: 'WRU',
    usd: per(wcu) * price('dynamoWriteRequestUnit'),
    basis: 'counted',
    note: 'ReturnConsumedCapacity; transactions at 2× per item; both GSIs project ALL, so every evaluation write is written 3×',
  });
  const growth = asMeasured ? undefined : writeGrowth(agency);
  if (growth) {
    lines.push({
      service: 'DynamoDB writes: growth with the cohort',
      quantity: growth.perEmployeeAt,
      unit: 'WRU',
      usd: growth.perEmployeeAt * price('dynamoWriteRequestUnit'),
      basis: 'modelled',
      note: `${growth.note}; stages not measured at both sizes (APPROVAL's digest marks work the same way) are not included`,
    });
  }
  lines.push({
    service: 'DynamoDB reads (on demand)',
    quantity: rcuPerEmployee,
    unit: 'RRU',
    usd: rcuPerEmployee * price('dynamoReadRequestUnit'),
    basis: 'counted',
    note: asMeasured
      ? undefined
      : `the unit list (read by reminder and escalation rounds; decision pages and digests read only their units since 2026-11-29) grows with the agency: ${round(per(unitListRcu), 1)} RRU/employee at ${n}, ×${round(unitsRatio)} here`,
  });
  if (run.storage) {
    const gb = (run.storage.bytes + run.storage.gsi1Bytes + run.storage.gsi2Bytes) / 2 ** 30;
    const gbMonths = per(gb) * ASSUMPTIONS.tableRetentionMonths;
    lines.push({
      service: 'DynamoDB storage + PITR',
      quantity: gbMonths * 1024,
      unit: 'MB-months',
      usd: gbMonths * (price('dynamoStorageGbMonth') + price('dynamoPitrGbMonth')),
      basis: 'modelled',
      note: `${round(per(run.storage.bytes) / 1024, 1)} KB/employee in the table + ${round(per(run.storage.gsi1Bytes + run.storage.gsi2Bytes) / 1024, 1)} KB in the two ALL-projection indexes, kept ${ASSUMPTIONS.tableRetentionMonths} months`,
    });
  }

  // ── SES: emails as sent in the run, without the compressed clock's reminders; AWS reminders modelled.
  const artificial = (run.emails.byKind.reminder ?? 0) + (run.emails.byKind.escalation ?? 0);
  const emails = per(run.emails.total - artificial) + ASSUMPTIONS.reminderEmailsPerEmployee;
  lines.push({
    service: 'SES',
    quantity: emails,
    unit: 'emails',
    usd: emails * price('sesEmail'),
    basis: 'counted',
    note: `digests and result notices counted (${Object.entries(run.emails.byKind)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}); reminders modelled at ${ASSUMPTIONS.reminderEmailsPerEmployee}/employee`,
  });

  // ── CloudWatch Logs: handler logs counted; platform, access and state-machine log lines modelled.
  const appBytes = run.logs ? per(run.logs.bytes) : 0;
  const historyEvents = asMeasured ? per(run.sfn.totalHistoryEvents) : transitionsPerEmployee * (run.sfn.totalHistoryEvents / Math.max(1, run.sfn.transitions));
  const logBytes =
    appBytes +
    invocations * ASSUMPTIONS.platformLogBytesPerInvocation +
    requests * ASSUMPTIONS.accessLogBytesPerRequest +
    historyEvents * ASSUMPTIONS.sfnLogBytesPerHistoryEvent;
  const logGb = logBytes / 2 ** 30;
  lines.push({
    service: 'CloudWatch Logs',
    quantity: logBytes / 1024,
    unit: 'KB',
    usd: logGb * (price('cloudWatchLogsIngestGb') + ASSUMPTIONS.logStoredGbMonthsPerGbIngested * price('cloudWatchLogsStorageGbMonth')),
    basis: 'modelled',
    note: `handler logs at INFO ${round(appBytes)} B/employee (counted) + platform, API access and state-machine (level ALL) lines`,
  });

  // ── X-Ray, KMS, Secrets Manager
  const traces = (requests + invocations) * ASSUMPTIONS.xraySampledShare;
  lines.push({
    service: 'X-Ray',
    quantity: traces,
    unit: 'traces',
    usd: traces * price('xrayTraceRecorded'),
    basis: 'modelled',
    note: `${ASSUMPTIONS.xraySampledShare * 100} % of requests and invocations sampled (default rule, office-hours traffic)`,
  });
  const kms = invocations * ASSUMPTIONS.kmsRequestsPerInvocation + transitionsPerEmployee * ASSUMPTIONS.kmsRequestsPerTransition;
  lines.push({
    service: 'KMS',
    quantity: kms,
    unit: 'requests',
    usd: kms * price('kmsRequest'),
    basis: 'modelled',
    note: 'upper bound: one per invocation and per transition (services cache data keys)',
  });
  const linkFns = Object.entries(FUNCTIONS)
    .filter(([, s]) => (s.grants as readonly string[]).includes('link-keys'))
    .map(([id]) => id);
  const linkInvocations = linkFns.reduce((a, id) => a + per(run.lambda.cycle[id]?.invocations ?? 0), 0);
  const secretCalls = linkInvocations * ASSUMPTIONS.coldStartShare * ASSUMPTIONS.secretCallsPerColdStart;
  lines.push({
    service: 'Secrets Manager',
    quantity: secretCalls,
    unit: 'API calls',
    usd: secretCalls * price('secretsManagerApiCall'),
    basis: 'modelled',
    note: `keys cached per container; ${ASSUMPTIONS.secretCallsPerColdStart} calls per cold start of ${linkFns.join(', ')}`,
  });

  // ── Fixed monthly charges, spread over the agency's employees (one cycle a year).
  const monthly = price('kmsKeyMonth') + price('secretsManagerSecretMonth') + ASSUMPTIONS.alarms * price('cloudWatchAlarmMonth');
  const fixed = (monthly * 12) / ASSUMPTIONS.cyclesPerYear / scaleFixed;
  lines.push({
    service: 'Monthly fixed (CMK, secret, alarms)',
    quantity: monthly * 12,
    unit: 'US$/year',
    usd: fixed,
    basis: 'fixed',
    note: `US$${round(monthly, 2)}/month (${ASSUMPTIONS.alarms} alarms) over ${scaleFixed.toLocaleString('en')} employees`,
  });

  // ── Cognito (as configured: FeaturePlan.PLUS)
  const mau = ASSUMPTIONS.cognitoMauMonthsPerEmployee;
  lines.push({
    service: 'Cognito (Plus plan, as configured)',
    quantity: mau,
    unit: 'MAU-months',
    usd: mau * price('cognitoPlusMau'),
    basis: 'modelled',
    note: `${mau} months a year in which each employee signs in; Plus has no free tier`,
  });
  return lines;
}

export interface CostResult {
  pricesAsOf: string;
  region: string;
  run: { n: number; daySeconds: number; totalMs: number; reminders: number; escalations: number; completed: boolean };
  assumptions: typeof ASSUMPTIONS;
  prices: typeof PRICES;
  measured: { employees: number; lines: CostLine[]; totalUsd: number; withoutCognitoUsd: number };
  agency100k: { employees: number; lines: CostLine[]; totalUsd: number; withoutCognitoUsd: number; perCycleUsd: number; dominant: string };
  alternatives: Record<string, number>;
  targetUsd: number;
  meetsTarget: boolean;
  counted: Record<string, unknown>;
  /** The whole measured run, so the model can be re-priced without running again (--reuse). */
  cycleRun: CycleRun;
}

/**
 * `reuse`: price the run saved in the latest cost result instead of running a cycle again (after a
 * price or model change).
 */
export async function benchCost(options: { n?: number; daySeconds?: number; run?: CycleRun; agency?: number; reuse?: boolean } = {}): Promise<CostResult> {
  const n = options.n ?? 1000;
  const agency = options.agency ?? 100_000;
  const saved = options.reuse ? latestResult<{ cycleRun?: CycleRun }>('cost')?.cycleRun : undefined;
  if (options.reuse && !saved) throw new Error('cost --reuse: no saved run in bench/results/cost-*.json; run `npm run bench -- cost` first');
  const run = options.run ?? saved ?? (await runInChild<CycleRun>('cycle', { n, captureLogs: true, daySeconds: options.daySeconds ?? 20, concurrency: 16 }));
  const handlers = latestResult<{ handlers?: { deployed: { initWithSourceMapsMedianMs?: number } }[] }>('handlers');
  const inits = (handlers?.handlers ?? []).map((h) => h.deployed.initWithSourceMapsMedianMs).filter((x): x is number => typeof x === 'number');
  const initMs = inits.length ? inits.reduce((a, b) => a + b, 0) / inits.length + 100 : ASSUMPTIONS.defaultInitMs;

  const measuredLines = linesFor(run, agency, initMs, true);
  const projected = linesFor(run, agency, initMs, false);
  const total = (ls: CostLine[]) => ls.reduce((a, l) => a + l.usd, 0);
  const withoutCognito = (ls: CostLine[]) => total(ls.filter((l) => !l.service.startsWith('Cognito')));
  const dominant = [...projected].sort((a, b) => b.usd - a.usd)[0]!;
  const t100 = total(projected);
  const mau = ASSUMPTIONS.cognitoMauMonthsPerEmployee;
  const free = Math.min(agency, 10_000);
  const result: CostResult = {
    pricesAsOf: PRICES_AS_OF,
    region: REGION,
    run: {
      n: run.n,
      daySeconds: run.daySeconds,
      totalMs: run.driver.totalMs,
      reminders: run.emails.byKind.reminder ?? 0,
      escalations: run.emails.byKind.escalation ?? 0,
      completed: run.driver.finalEvaluations === run.n,
    },
    assumptions: ASSUMPTIONS,
    prices: PRICES,
    measured: {
      employees: n,
      lines: measuredLines.map(roundLine),
      totalUsd: round(total(measuredLines), 6),
      withoutCognitoUsd: round(withoutCognito(measuredLines), 6),
    },
    agency100k: {
      employees: agency,
      lines: projected.map(roundLine),
      totalUsd: round(t100, 6),
      withoutCognitoUsd: round(withoutCognito(projected), 6),
      perCycleUsd: round(t100 * agency, 0),
      dominant: `${dominant.service} (${round((dominant.usd / t100) * 100)} %)`,
    },
    alternatives: {
      'all-in with Cognito Essentials (10,000 MAU free)': round(
        withoutCognito(projected) + ((agency - free) * mau * price('cognitoEssentialsMau')) / agency,
        6,
      ),
      'all-in with Cognito Lite (10,000 MAU free)': round(withoutCognito(projected) + ((agency - free) * mau * price('cognitoLiteMau')) / agency, 6),
      'all-in with the agency’s own OIDC IdP behind the JWT authorizer (no Cognito)': round(withoutCognito(projected), 6),
    },
    targetUsd: 0.003,
    meetsTarget: t100 <= 0.003,
    counted: {
      transitions: run.sfn.transitions,
      transitionsByState: run.sfn.byState,
      executions: run.sfn.executions,
      lambda: run.lambda.cycle,
      httpRequests: run.http.requests,
      httpByRoute: run.http.byRoute,
      dynamo: run.dynamo.cycle,
      dynamoPatterns: run.dynamo.patterns,
      emails: run.emails,
      logs: run.logs,
      storage: run.storage,
      historyEvents: run.sfn.totalHistoryEvents,
      initMsUsed: round(initMs),
    },
    cycleRun: run,
  };
  log(
    `  cost: US$${result.agency100k.totalUsd} per employee-cycle at ${agency.toLocaleString('en')} (without Cognito US$${result.agency100k.withoutCognitoUsd}); dominant: ${result.agency100k.dominant}`,
  );
  return result;
}

function roundLine(l: CostLine): CostLine {
  return { ...l, quantity: round(l.quantity, 3), usd: round(l.usd, 7) };
}

/** Console rows: one per service, measured and at 100,000. */
export function costRows(r: CostResult) {
  return r.agency100k.lines.map((l) => {
    const m = r.measured.lines.find((x) => x.service === l.service);
    return {
      service: l.service,
      [`per employee, n=${r.measured.employees.toLocaleString('en')}`]: m ? `${m.quantity} ${m.unit} · $${m.usd.toFixed(6)}` : '—',
      [`per employee, n=${r.agency100k.employees.toLocaleString('en')}`]: `${l.quantity} ${l.unit} · $${l.usd.toFixed(6)}`,
      share: `${round((l.usd / r.agency100k.totalUsd) * 100, 1)} %`,
      basis: l.basis,
    };
  });
}
