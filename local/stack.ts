/**
 * The local stack: the synthesized templates run on this machine. DynamoDB Local holds the data, the
 * state machine from the template runs in aws-local-stepfunctions behind a local Step Functions
 * endpoint, and a local HTTP API calls the same handlers. Only configuration differs from AWS:
 * endpoints (AWS_ENDPOINT_URL_*), the mail adapter (outbox) and the link-key source (a file).
 */

import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'aws-lambda';
import { FUNCTIONS, type FunctionId } from '../infra/functions';
import { METHOD_FALLBACK_ROUTES, ROUTES } from '../shared/http/routes';
import { createTablesFromTemplate, type LocalDynamo, LocalStackError, startDynamoDbLocal } from './dynamodb';
import type { FaultInjector } from './faults';
import { LOCAL_JWT_AUDIENCE, LOCAL_JWT_ISSUER, type LocalJwtKeys, loadOrCreateLocalJwtKeys, mintLocalToken, startLocalHttpApi } from './http';
import { localWeb } from './http/web';
import { type LocalLambda, startLocalLambda } from './lambda';
import { createLocalOidc, LOCAL_OIDC_PREFIX, type LocalOidc } from './oidc/provider';
import { rosterPeople } from './oidc/roster';
import { type LocalS3, startLocalS3 } from './s3';
import { resolveStateMachines, startLocalStepFunctions } from './sfn';
import { resourcesOfType, synthesizeTemplates } from './synth';

export interface LocalStackOptions {
  /** Where state, outbox and keys live; DynamoDB data persists here when `persist` is set (resume after a kill). */
  workDir: string;
  persist?: boolean;
  /** Each server listens on its port when given, else on one it is sure to hold (see `ports`). */
  httpPort?: number;
  dynamoPort?: number;
  sfnPort?: number;
  s3Port?: number;
  /** Multiplies every Wait and task timeout: 1e-5 turns a stage day into ~0.86 s. */
  timeScale?: number;
  /** Upper bound, in ms, of the wait for a stage's calendar window to open. */
  maxStageGapMs?: number;
  log?: (line: string) => void;
  onStateEvent?: (e: unknown) => void;
  /** Reliability tests: inject failures (see faults.ts). */
  faults?: FaultInjector;
  /** The built web app the server serves for every non-API path; default web/dist. */
  webDir?: string;
  /** Who signs in with the HR role on the local sign-in page; default: the head of general affairs (Subbagian Umum), as the sample's HR. */
  hrNips?: readonly string[];
  /** Other origins the local sign-in may return to (e.g. a dev server); the stack's own is always allowed. */
  extraRedirectOrigins?: readonly string[];
}

export interface LocalStack {
  apiUrl: string;
  /** The web app (same origin as the API, as CloudFront in AWS). */
  webUrl: string;
  /** The local OpenID Connect provider: the app's authority and client id (also in /config.json). */
  oidc: { issuer: string; clientId: string };
  outboxDir: string;
  stateMachineArn: string;
  agencyId: string;
  tableName: string;
  env: Record<string, string>;
  jwtKeys: LocalJwtKeys;
  token(nip: string, roles: ('hr' | 'employee')[], name?: string): Promise<string>;
  sfnEndpoint: string;
  dynamoEndpoint: string;
  /** The local S3-compatible endpoint (s3rver) and the files bucket on it. */
  s3: Pick<LocalS3, 'endpoint' | 'bucket' | 'port'>;
  sfn: Awaited<ReturnType<typeof startLocalStepFunctions>>;
  /** The local Lambda Invoke endpoint (asynchronous document jobs); `lambda.idle()` waits for them. */
  lambda: Pick<LocalLambda, 'endpoint' | 'idle' | 'failures'>;
  /** The ports each server bound: pass them back to a restart that must keep its endpoints. */
  ports: { httpPort: number; dynamoPort: number; sfnPort: number; s3Port: number };
  stop(): Promise<void>;
}

/** The files bucket's name on the local S3 endpoint (FILES_BUCKET). */
export const LOCAL_FILES_BUCKET = 'asn-kinerja-files';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

/** The year of the sample the stack runs (SAMPLE_FILE or the committed Asemrowo sample). */
function sampleYear(): string {
  try {
    const file = process.env.SAMPLE_FILE ?? fileURLToPath(new URL('./sample/asemrowo.json', import.meta.url));
    return String((JSON.parse(readFileSync(file, 'utf8')) as { year?: number }).year ?? '');
  } catch {
    return '';
  }
}

function lambdaContext(functionId: string): Context {
  const deadline = Date.now() + 300_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: functionId,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:ap-southeast-3:000000000000:function:${functionId}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionId}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const workDir = path.resolve(options.workDir);
  const outboxDir = path.join(workDir, 'outbox');
  const keysDir = path.join(workDir, 'keys');
  mkdirSync(outboxDir, { recursive: true });
  mkdirSync(keysDir, { recursive: true });

  const templates = synthesizeTemplates(path.join(workDir, 'cdk.out'));
  const stopAll: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stopAll.reverse()) await s().catch(() => undefined);
  };
  try {
    if (options.persist) mkdirSync(path.join(workDir, 'dynamodb'), { recursive: true });
    const dynamo: LocalDynamo = await startDynamoDbLocal({ port: options.dynamoPort, ...(options.persist ? { dataDir: path.join(workDir, 'dynamodb') } : {}) });
    stopAll.push(() => dynamo.stop());
    const [tableName] = await createTablesFromTemplate(dynamo.client, templates.stateful);
    log(`DynamoDB Local ${dynamo.endpoint} — table ${tableName} from the synthesized template`);

    // Each function's environment as synthesized, with the adapters this machine uses instead.
    const functions = resourcesOfType(templates.stateless, 'AWS::Lambda::Function');
    const byLogicalId = new Map<string, FunctionId>();
    let templateEnv: Record<string, unknown> = {};
    for (const [logicalId, r] of functions) {
      const vars = (r.Properties.Environment?.Variables ?? {}) as Record<string, unknown>;
      const id = vars.FUNCTION_ID as FunctionId | undefined;
      if (id && id in FUNCTIONS) {
        byLogicalId.set(logicalId, id);
        templateEnv = { ...templateEnv, ...vars };
      }
    }
    const modules = new Map<FunctionId, Promise<Handler>>();
    const handlerOf = (id: FunctionId) => {
      let m = modules.get(id);
      if (!m) {
        m = import(path.resolve(FUNCTIONS[id].entry)).then((mod: { handler: Handler }) => mod.handler);
        modules.set(id, m);
      }
      return m;
    };
    const invokeFunction = async (id: FunctionId, event: unknown) => (await handlerOf(id))(event, lambdaContext(id));

    // The HTTP API listens first, on port 0 unless one is configured, so the port it reports is one it
    // holds (no probe-then-bind race); its URL then goes into the handlers' environment (PUBLIC_BASE_URL).
    // Requests wait until that environment is set: a handler module must not load with the wrong one.
    let envReady!: () => void;
    const envSet = new Promise<void>((resolve) => {
      envReady = resolve;
    });
    const jwtKeys = await loadOrCreateLocalJwtKeys(keysDir);
    // Not API routes: the local sign-in (OIDC) under /local/oidc/, then the web app for every other path.
    let oidc: LocalOidc | undefined;
    let web: ReturnType<typeof localWeb> | undefined;
    const http = await startLocalHttpApi({
      // As the CDK HTTP API: the route table, and each path's ANY route (405 with Allow from the path's function).
      routes: [...ROUTES, ...METHOD_FALLBACK_ROUTES],
      port: options.httpPort ?? 0,
      // The tests' tokens (LOCAL_JWT_ISSUER) and the local OIDC provider's (on this server), one key, one audience.
      jwt: (url) => ({ publicKey: jwtKeys.publicJwk, issuer: [LOCAL_JWT_ISSUER, `${url}${LOCAL_OIDC_PREFIX}`], audience: LOCAL_JWT_AUDIENCE }),
      pages: async (req) => {
        if (req.rawPath.startsWith(`${LOCAL_OIDC_PREFIX}/`)) return envSet.then(() => oidc?.handle(req));
        if (req.rawPath.startsWith('/v1/') || req.rawPath === '/v1' || req.rawPath === '/openapi.json') return undefined;
        return web?.(req);
      },
      invoke: (functionId, event, context) => {
        if (options.faults?.http503())
          return Promise.resolve({ statusCode: 503, headers: { 'retry-after': '0' }, body: JSON.stringify({ message: 'Service Unavailable' }) });
        return envSet.then(() => handlerOf(functionId as FunctionId)).then((h) => h(event, context));
      },
      log: process.env.LOCAL_HTTP_LOG ? (line) => log(`http ${line}`) : () => undefined,
    });
    stopAll.push(() => http.close());
    const apiUrl = http.url;
    const issuer = `${apiUrl}${LOCAL_OIDC_PREFIX}`;
    const stateMachines = resolveStateMachines(templates.stateless);
    const machine = stateMachines.find((m) => m.name === templates.stateMachineName);
    if (!machine) throw new LocalStackError(`State machine ${templates.stateMachineName} not found in the synthesized template`);

    // The files bucket (evidence, documents) on s3rver, its objects under the work folder; CORS for the app's origin.
    const s3 = await startLocalS3({
      directory: path.join(workDir, 's3'),
      bucket: LOCAL_FILES_BUCKET,
      allowedOrigins: [apiUrl],
      ...(options.s3Port ? { port: options.s3Port } : {}),
    });
    stopAll.push(() => s3.stop());

    // Lambda's Invoke API for the functions other functions invoke (the documents function, by id or deployed name).
    const lambda = await startLocalLambda({
      resolve: (name) =>
        name in FUNCTIONS
          ? name
          : (Object.entries(FUNCTIONS).find(([, spec]) => 'fixedName' in spec && name.endsWith(`-${(spec as { fixedName: string }).fixedName}`))?.[0] ??
            undefined),
      invoke: (id, event) => envSet.then(() => invokeFunction(id as FunctionId, event)),
      entryOf: (id) => FUNCTIONS[id as FunctionId].entry,
      environment: () => envSet.then(() => ({ ...process.env })),
      log,
    });
    stopAll.push(() => lambda.close());
    oidc = createLocalOidc({
      issuer,
      keys: jwtKeys,
      clientId: LOCAL_JWT_AUDIENCE,
      agencyId: (templateEnv.AGENCY_ID as string | undefined) ?? 'kec-asemrowo',
      people: () => rosterPeople((templateEnv.AGENCY_ID as string | undefined) ?? 'kec-asemrowo', options.hrNips),
      redirectOrigins: [apiUrl, ...(options.extraRedirectOrigins ?? [])],
    });
    web = localWeb({
      root: options.webDir ?? path.resolve(import.meta.dirname, '..', 'web', 'dist'),
      config: () => ({ authority: issuer, clientId: LOCAL_JWT_AUDIENCE, scope: 'openid profile email' }),
      connect: () => [s3.endpoint],
    });

    const env: Record<string, string> = {
      ...Object.fromEntries(Object.entries(templateEnv).filter(([, v]) => typeof v === 'string') as [string, string][]),
      TABLE_NAME: tableName!,
      STATE_MACHINE_ARN: machine.arn,
      PUBLIC_BASE_URL: apiUrl,
      MAIL_TRANSPORT: 'outbox',
      OUTBOX_DIR: outboxDir,
      LINK_KEYS_FILE: path.join(keysDir, 'link-signing.key'),
      HR_EMAIL: 'kinerja-hr@asemrowo.surabaya.go.id',
      AWS_REGION: 'ap-southeast-3',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_LAMBDA: lambda.endpoint,
      FILES_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'ERROR',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_DEV: 'true',
      // The local stack replays its sample's year in compressed time, whatever today's date: that year may be created.
      EXTRA_CYCLE_YEARS: process.env.EXTRA_CYCLE_YEARS ?? sampleYear(),
    };
    delete env.LINK_KEYS_SECRET_ARN;
    delete env.NODE_OPTIONS;
    delete env.SES_CONFIGURATION_SET;

    const sfnServer = await startLocalStepFunctions({
      stateMachines,
      ...(options.sfnPort ? { port: options.sfnPort } : {}),
      timeScale: options.timeScale ?? 1e-5,
      // Months between stages (e.g. until 1 July) shrink to at most this; deadlines keep their scaled length.
      maxWaitMs: options.maxStageGapMs ?? 1000,
      onEvent: options.onStateEvent,
      invokeLambda: async (arnOrName: string, payload: unknown) => {
        const logicalId = arnOrName.split(':function:').pop()!.split(':')[0]!;
        const id = byLogicalId.get(logicalId);
        if (!id) throw new LocalStackError(`No local handler for function ${arnOrName}`);
        return options.faults ? options.faults.wrapLambda(() => invokeFunction(id, payload)) : invokeFunction(id, payload);
      },
    });
    stopAll.push(() => sfnServer.close());
    env.AWS_ENDPOINT_URL_SFN = sfnServer.endpoint;
    Object.assign(process.env, env);
    envReady();
    // The same build step as `cdk synth`: the openapi function serves the document generated from the route
    // table (imported once the environment is set: generating loads the API handlers' modules).
    (await import('../functions/openapi/generate')).writeOpenApiJson();
    if (options.faults) {
      const { dynamoClient } = await import('../shared/adapters/aws-clients');
      options.faults.attachTo(dynamoClient);
    }

    log(`HTTP API ${http.url} · Step Functions ${sfnServer.endpoint} · S3 ${s3.endpoint} · outbox ${outboxDir}`);

    return {
      apiUrl: http.url,
      webUrl: http.url,
      oidc: { issuer, clientId: LOCAL_JWT_AUDIENCE },
      outboxDir,
      stateMachineArn: machine.arn,
      agencyId: env.AGENCY_ID ?? 'kec-asemrowo',
      tableName: tableName!,
      env,
      jwtKeys,
      token: (nip, roles, name) => mintLocalToken(jwtKeys, { sub: nip, roles, agencyId: env.AGENCY_ID ?? 'kec-asemrowo', ...(name ? { name } : {}) }),
      sfnEndpoint: sfnServer.endpoint,
      dynamoEndpoint: dynamo.endpoint,
      s3: { endpoint: s3.endpoint, bucket: s3.bucket, port: s3.port },
      lambda: { endpoint: lambda.endpoint, idle: () => lambda.idle(), failures: lambda.failures },
      sfn: sfnServer,
      ports: { httpPort: http.port, dynamoPort: dynamo.port, sfnPort: sfnServer.port, s3Port: s3.port },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
