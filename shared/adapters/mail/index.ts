export * from './types';
export * from './summary';
/** Defined in render.ts, so rendering loads no zod and summary.ts imports nothing back (no cycle). */
export { isEvaluation } from './render';
export * from './templates';
export { SesMailer, mailIdTag, type SendLedger, type SesMailerOptions } from './ses';
export { OutboxMailer, readOutbox, parseOutboxMessage, outboxFileName, DEFAULT_OUTBOX_FROM, type OutboxMessage, type OutboxMailerOptions } from './outbox';
export { parseEml, extractLinks, type ParsedEml } from './eml';
export { mailerFromEnv } from './env';
