/** The mail port (shared/application/ports.ts) and what the SES and outbox adapters add to it. */
export type { Mailer, MailMessage, SendResult } from '../../application/ports';

import type { MailMessage } from '../../application/ports';

export class MailConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+$/;

/** Rejects what would break a header or could inject one (CR/LF, empty lists, display-name syntax). */
export function validateMessage(message: MailMessage): void {
  if (message.to.length === 0) throw new Error('mail: at least one recipient is required');
  for (const address of [...message.to, ...(message.cc ?? [])]) {
    if (!ADDRESS.test(address)) throw new Error(`mail: invalid address ${JSON.stringify(address)}`);
  }
  if (message.idempotencyKey.trim() === '') throw new Error('mail: idempotencyKey must not be empty');
}

/** Subjects are one line: CR, LF and tabs collapse to a single space. */
export function oneLine(value: string): string {
  return value.replace(/[ \t]*[\r\n\t]+[ \t]*/g, ' ').trim();
}

/** SES tag names and values allow only [A-Za-z0-9_-], at most 256 characters. */
export function sanitizeTag(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256);
  return cleaned === '' ? '_' : cleaned;
}
