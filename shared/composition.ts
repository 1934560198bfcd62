/**
 * The adapters use cases need, made once from configuration: the mailer (SES or the local outbox),
 * the link-signing keys (Secrets Manager or a local file), the clock and id source. Tests replace them.
 */
import { randomUUID } from 'node:crypto';
import { linkKeyProviderFromEnv, type LinkKeyProvider } from './adapters/links/link-keys';
import type { Clock } from './adapters/clock';
import { systemClock } from './adapters/clock';
import { mailerFromEnv } from './adapters/mail/env';
import type { Mailer } from './adapters/mail/types';

export interface Deps {
  mailer(): Mailer;
  linkKeys(): LinkKeyProvider;
  clock: Clock;
  newId(): string;
}

let mailer: Mailer | undefined;
let linkKeys: LinkKeyProvider | undefined;

export const deps: Deps = {
  mailer: () => (mailer ??= mailerFromEnv()),
  linkKeys: () => (linkKeys ??= linkKeyProviderFromEnv()),
  clock: systemClock,
  // Opaque decision ids: unguessable, URL-safe, never derived from the task token.
  newId: () => randomUUID().replace(/-/g, ''),
};

/** For tests. */
export function overrideDeps(overrides: Partial<Deps>): void {
  Object.assign(deps, overrides);
  if (overrides.mailer) mailer = undefined;
  if (overrides.linkKeys) linkKeys = undefined;
}
