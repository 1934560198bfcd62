/**
 * The composition root: builds the real adapters from configuration and installs them as the use
 * cases' ports (shared/application/context.ts). The one reader of the environment among the shared
 * code: the table and state machine (shared/config.ts), the mail transport, the link keys, the survey limit.
 *
 * `deps` stays the handle tests use to replace the clock, the id source, the mailer or the link keys
 * (`deps.clock = fixedClock(…)`): the installed ports read it at each call.
 */
import { createHash, randomUUID } from 'node:crypto';
import { systemClock } from './adapters/clock';
import { coachingRepository } from './adapters/documents/dynamodb';
import { lambdaDocumentRequests } from './adapters/documents/lambda-requests';
import { type DocumentFileAdapters, documentPortsOn } from './adapters/documents/ports';
import { dynamoRepositories } from './adapters/dynamodb/ports';
import { clientHash, fingerprint, idempotencyKeyHash, useLinkKeys } from './adapters/links/derived-keys';
import { type LinkKeyProvider, linkKeyProviderFromEnv } from './adapters/links/link-keys';
import { buildDecisionUrl } from './adapters/links/links';
import { mailerFromEnv } from './adapters/mail/env';
import {
  renderApprovalDigest,
  renderDelegationNotice,
  renderEscalation,
  renderObjectionDigest,
  renderOutcomeNotice,
  renderReminder,
  renderResultNotice,
  renderSkpApprovalRequest,
} from './adapters/mail/templates';
import type { Mailer } from './adapters/mail/types';
import { logger } from './adapters/powertools';
import { escapeHtml } from './adapters/render/pages/html';
import { s3FileStore } from './adapters/s3/file-store';
import { stepFunctionsWorkflow } from './adapters/stepfunctions/workflow';
import { usePorts } from './application/context';
import type { Clock, FileStore, Ports } from './application/ports';
import { config } from './config';
import { dailyLimit } from './domain/skm/limits';
import { signCursor, verifyCursor } from './http/cursors';

export interface Deps {
  mailer(): Mailer;
  linkKeys(): LinkKeyProvider;
  clock: Clock;
  newId(): string;
  /** The file store, PDF renderer and signer: set by the documents function only (functions/documents/). */
  documentFiles?: DocumentFileAdapters;
}

let mailer: Mailer | undefined;
let linkKeys: LinkKeyProvider | undefined;

export const deps: Deps = {
  mailer: () => (mailer ??= mailerFromEnv(process.env)),
  linkKeys: () => (linkKeys ??= linkKeyProviderFromEnv(process.env)),
  clock: systemClock,
  // Opaque decision ids: unguessable, URL-safe, never derived from the task token.
  newId: () => randomUUID().replace(/-/g, ''),
};

/** The ports on the real adapters; `settings` and the clock are read at each use (tests change them). */
export function realPorts(): Ports {
  const repositories = dynamoRepositories();
  return {
    ...repositories,
    get clock() {
      return deps.clock;
    },
    newId: () => deps.newId(),
    mailer: () => deps.mailer(),
    templates: {
      approvalDigest: renderApprovalDigest,
      skpApprovalRequest: renderSkpApprovalRequest,
      reminder: renderReminder,
      escalation: renderEscalation,
      resultNotice: renderResultNotice,
      delegationNotice: renderDelegationNotice,
      objectionDigest: renderObjectionDigest,
      outcomeNotice: renderOutcomeNotice,
      escapeHtml,
    },
    links: {
      async decisionUrl(link) {
        const keys = await deps.linkKeys().keys();
        return buildDecisionUrl(config().PUBLIC_BASE_URL ?? 'http://127.0.0.1:3000', link, keys.current);
      },
    },
    cursors: { sign: signCursor, verify: verifyCursor },
    hashes: {
      clientHash,
      idempotencyKeyHash,
      fingerprint,
      digest: (text) => createHash('sha256').update(text).digest('hex'),
    },
    workflow: stepFunctionsWorkflow(() => config().STATE_MACHINE_ARN),
    log: { debug: (m, extra) => logger.debug(m, extra ?? {}), info: (m, extra) => logger.info(m, extra ?? {}) },
    // --- files (platform) ---
    get files() {
      if (!fileStore) throw new Error('This function keeps no files: its entry calls useFileStore() (shared/composition.ts)');
      return fileStore;
    },
    // --- documents and coaching (issue 16) ---
    get documents() {
      return documentPortsOn(deps.documentFiles, () => config().DOCUMENT_PLACE);
    },
    // Other functions name the documents function (DOCUMENTS_FUNCTION_NAME); the documents function itself continues a job by its own name.
    documentRequests: lambdaDocumentRequests(() => config().DOCUMENTS_FUNCTION_NAME ?? deps.documentFiles?.selfName),
    coaching: coachingRepository,
    settings: {
      get publicBaseUrl() {
        return config().PUBLIC_BASE_URL;
      },
      get hrEmail() {
        return config().HR_EMAIL;
      },
      get linkTtlHours() {
        return config().LINK_TTL_HOURS;
      },
      get skmDailyLimit() {
        return dailyLimit(process.env);
      },
      get extraCycleYears() {
        return config().EXTRA_CYCLE_YEARS;
      },
    },
  };
}

// --- files (platform) ---
let fileStore: FileStore | undefined;
/**
 * Installs the S3 file store (FILES_BUCKET; S3_ENDPOINT, path-style, on the local stack). Called by the
 * entries of the functions that keep files (functions/files, the documents function) and no other, so
 * the S3 SDK and its presigner stay out of every other bundle (unused, they are tree-shaken away).
 */
export function useFileStore(store?: FileStore): void {
  fileStore = store ?? fileStore ?? s3FileStore(() => ({ bucket: config().FILES_BUCKET, endpoint: config().S3_ENDPOINT }));
}

// --- documents (issue 16) ---
/**
 * Installs what only the documents function has: the files port, and the PDF renderer and signer
 * `make` builds (shared/adapters/documents/files.ts, passed in by functions/documents/handler.ts so no
 * other bundle carries pdfmake), told the function's own name from the configuration (it asks itself
 * for a job's next page).
 */
export function useDocumentFiles(make: (settings: { selfName?: string }) => DocumentFileAdapters): void {
  useFileStore();
  const selfName = config().AWS_LAMBDA_FUNCTION_NAME;
  deps.documentFiles = make(selfName ? { selfName } : {});
}

useLinkKeys(() => deps.linkKeys());
usePorts(realPorts());

/** The roster import's batched writer (BatchWriteItem with retries), handed to the use case by the HR handler. */
export { writeRoster } from './adapters/dynamodb/batch-write';
