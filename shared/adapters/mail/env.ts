import { OutboxMailer } from './outbox';
import { type SendLedger, SesMailer } from './ses';
import { MailConfigurationError, type Mailer } from './types';

/**
 * MAIL_TRANSPORT=ses     → SesMailer; needs MAIL_FROM and SES_CONFIGURATION_SET.
 * MAIL_TRANSPORT=outbox  → OutboxMailer; needs OUTBOX_DIR (MAIL_FROM optional).
 * Anything else is a configuration error. `ledger` (SES only) makes sends exactly-once per key.
 */
export function mailerFromEnv(env: Record<string, string | undefined>, deps: { ledger?: SendLedger } = {}): Mailer {
  const transport = env.MAIL_TRANSPORT?.trim().toLowerCase();
  const from = env.MAIL_FROM?.trim();
  switch (transport) {
    case 'ses': {
      const configurationSetName = env.SES_CONFIGURATION_SET?.trim();
      const missing = [!from && 'MAIL_FROM', !configurationSetName && 'SES_CONFIGURATION_SET'].filter(Boolean);
      if (!from || !configurationSetName) {
        throw new MailConfigurationError(`MAIL_TRANSPORT=ses needs ${missing.join(' and ')}`);
      }
      return new SesMailer({ from, configurationSetName, ...(deps.ledger ? { ledger: deps.ledger } : {}) });
    }
    case 'outbox': {
      const dir = env.OUTBOX_DIR?.trim();
      if (!dir) throw new MailConfigurationError('MAIL_TRANSPORT=outbox needs OUTBOX_DIR (a directory for .eml files)');
      return new OutboxMailer(dir, from ? { from } : {});
    }
    default:
      throw new MailConfigurationError(
        `MAIL_TRANSPORT must be "ses" (with MAIL_FROM, SES_CONFIGURATION_SET) or "outbox" (with OUTBOX_DIR); got ${JSON.stringify(env.MAIL_TRANSPORT ?? null)}`,
      );
  }
}
