export { extractLinks, type ParsedEml, parseEml } from './eml';
export { mailerFromEnv } from './env';
export { DEFAULT_OUTBOX_FROM, OutboxMailer, type OutboxMailerOptions, type OutboxMessage, outboxFileName, parseOutboxMessage, readOutbox } from './outbox';
/** Defined in render.ts, so rendering loads no zod and summary.ts imports nothing back (no cycle). */
export { isEvaluation } from './render';
export { mailIdTag, type SendLedger, SesMailer, type SesMailerOptions } from './ses';
export * from './summary';
export * from './templates';
export * from './types';
