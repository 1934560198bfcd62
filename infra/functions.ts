/**
 * Every Lambda function of the system: one entry per capability. The CDK stack deploys these (infra/constructs/function-set.ts) and the
 * local stack runs the same entry modules; each function carries FUNCTION_ID in its environment so the
 * local stack can map a function in the synthesized template back to its entry here.
 */
export interface FunctionSpec {
  entry: string;
  description: string;
  memorySize?: number;
  timeoutSeconds?: number;
  /** What it may do; the stack turns these into least-privilege grants. */
  grants: ReadonlyArray<
    'table-read' | 'table-write' | 'sfn-start' | 'sfn-task' | 'mail' | 'link-keys' | 'evidence-files' | 'document-files' | 'documents-invoke'
  >;
  /** A fixed physical name (when other functions, or itself, must name it without a reference cycle). */
  fixedName?: string;
  /** The bundle's size budget in KB (default 600; see test/infra/bundles.test.ts). */
  bundleBudgetKb?: number;
}

export const FUNCTIONS = {
  'cycle-start': {
    entry: 'functions/cycle-start/handler.ts',
    description: 'Creates the year’s cycle (idempotently) and starts its first stage; target of the yearly schedule',
    grants: ['table-read', 'table-write', 'sfn-start'],
  },
  'stage-open': {
    entry: 'functions/stage/open.ts',
    description: 'Opens a stage for one page of employees (creates or moves evaluations, decisions)',
    timeoutSeconds: 120,
    grants: ['table-read', 'table-write'],
  },
  'stage-notify': {
    entry: 'functions/stage/notify.ts',
    description: 'Sends one digest per recipient with every pending decision (idempotent per digest)',
    timeoutSeconds: 120,
    grants: ['table-read', 'table-write', 'mail', 'link-keys'],
  },
  'stage-await': {
    entry: 'functions/stage/await.ts',
    description: 'Stores the stage’s task token server-side; completes at once if nothing is pending',
    grants: ['table-read', 'table-write', 'sfn-task'],
  },
  'stage-tick': {
    entry: 'functions/stage/tick.ts',
    description: 'Daily deadline check: reminders, escalation, closing a time-boxed stage',
    timeoutSeconds: 120,
    grants: ['table-read', 'table-write', 'mail', 'link-keys'],
  },
  'stage-close': {
    entry: 'functions/stage/close.ts',
    description: 'Closes a stage for one page of employees (scoring, calibration, follow-up)',
    timeoutSeconds: 300,
    grants: ['table-read', 'table-write', 'mail', 'link-keys'],
  },
  'cycle-advance': {
    entry: 'functions/cycle-advance/handler.ts',
    description: 'Checkpoints the cycle at a stage boundary and starts the next stage’s execution',
    // documents-invoke: asks the documents function for the documents the closed stage made final.
    grants: ['table-read', 'table-write', 'sfn-start', 'documents-invoke'],
  },
  'stage-failed': {
    entry: 'functions/stage/failed.ts',
    description: 'Records a stage failure on the cycle and emits the metric the alarm watches',
    grants: ['table-read', 'table-write'],
  },
  'decision-links': {
    entry: 'functions/decision-links/handler.ts',
    description: 'Confirmation pages (GET/HEAD) and decisions (POST) behind signed email links',
    grants: ['table-read', 'table-write', 'sfn-task', 'link-keys'],
  },
  'evaluation-api': {
    entry: 'functions/evaluation-api/handler.ts',
    description: 'Employee and rater API: SKP, progress, feedback, ratings, objections, Plt/Plh delegation',
    grants: ['table-read', 'table-write', 'sfn-task', 'mail'],
  },
  'hr-api': {
    entry: 'functions/hr-api/handler.ts',
    description: 'HR API: cycles, evaluation lists, summaries, calibration, export, report, roster import',
    // link-keys: list cursors are signed with a key derived from the link-signing key.
    // mail: HR's reminders from the console (POST /v1/cycles/{cycleId}/reminders) send the workflow's reminder email.
    grants: ['table-read', 'table-write', 'sfn-start', 'sfn-task', 'link-keys', 'mail'],
    // The report page, the CSV and the rater-bias analysis share this bundle (607 KB measured 2026-12-03).
    bundleBudgetKb: 650,
  },
  skm: {
    entry: 'functions/skm/handler.ts',
    description: 'Citizen satisfaction survey (SKM): public submission and IKM, HR moderation of comments',
    // link-keys: the per-client limit hashes the client with a key derived from the link-signing key.
    grants: ['table-read', 'table-write', 'link-keys'],
  },
  'me-api': {
    entry: 'functions/me-api/handler.ts',
    description: 'Web app API: who am I, Beranda tasks, the superior’s RHKs, the rating proposal, decisions through the session',
    grants: ['table-read', 'table-write', 'sfn-task'],
  },
  // --- files (platform) ---
  files: {
    entry: 'functions/files/handler.ts',
    description: 'Bukti dukung (evidence): presigned upload URLs, confirmation, links, list with download URLs, deletion',
    // evidence-files: read, write and delete under evidence/ of the files bucket (and FILES_BUCKET in its environment).
    grants: ['table-read', 'table-write', 'evidence-files'],
  },
  // --- documents and coaching (issue 16) ---
  documents: {
    entry: 'functions/documents/handler.ts',
    description: 'Official PDFs (SKP, periodic and annual evaluation, Penetapan Predikat, coaching record), their download and public verification',
    memorySize: 1024,
    timeoutSeconds: 300,
    // Named so that the functions that ask for documents, and the function itself (the next page of a job), can invoke it.
    fixedName: 'documents',
    // pdfmake, its layout engine and the embedded Roboto fonts: the only function that carries them.
    bundleBudgetKb: 3072,
    // document-files: write and read under documents/ of the files bucket; documents-invoke: itself, for a job's next page.
    grants: ['table-read', 'table-write', 'document-files', 'documents-invoke'],
  },
  coaching: {
    entry: 'functions/coaching/handler.ts',
    description: 'Coaching after a low predikat: the plan, sessions (rater), acknowledgement (employee), open and overdue plans (HR)',
    // link-keys: list cursors are signed with a key derived from the link-signing key.
    grants: ['table-read', 'table-write', 'link-keys', 'documents-invoke'],
  },
  openapi: {
    entry: 'functions/openapi/handler.ts',
    description: 'Serves the OpenAPI 3.1 document generated from the route table and zod schemas',
    grants: [],
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionId = keyof typeof FUNCTIONS;
