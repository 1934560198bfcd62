export * from './types';
export * from './summary';
export * from './templates';
export { SesMailer, mailIdTag, type SendLedger, type SesMailerOptions } from './ses';
export { OutboxMailer, readOutbox, parseOutboxMessage, outboxFileName, DEFAULT_OUTBOX_FROM, type OutboxMessage, type OutboxMailerOptions } from './outbox';
export { parseEml, extractLinks, type ParsedEml } from './eml';
export { mailerFromEnv } from './env';
