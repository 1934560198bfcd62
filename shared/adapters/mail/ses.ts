import { createHash } from 'node:crypto';
import type { MessageTag, SESv2Client } from '@aws-sdk/client-sesv2';
import { type Mailer, type MailMessage, oneLine, type SendResult, sanitizeTag, validateMessage } from './types';

/**
 * Optional exactly-once guard for SES, which has no idempotency key of its own. Implement it on the
 * store (a conditional put on the key). Claim before sending, complete after, release on failure:
 * a retry after a failure sends again; a retry after success does not; a crash between claim and
 * send loses that one message (at most once) — the next reminder carries fresh links.
 */
export interface SendLedger {
  /** Atomically claims the key. `claimed: false` when it was already claimed (sent or in flight). */
  claim(idempotencyKey: string): Promise<{ claimed: true } | { claimed: false; messageId?: string }>;
  complete(idempotencyKey: string, messageId: string): Promise<void>;
  release(idempotencyKey: string): Promise<void>;
}

export interface SesMailerOptions {
  /** Verified sender, e.g. `Kinerja ASN <no-reply@kinerja.example.go.id>`. */
  from: string;
  configurationSetName: string;
  client?: SESv2Client;
  ledger?: SendLedger;
}

/** Hash of the idempotency key: correlates SES events with a message without putting NIPs in tags. */
export function mailIdTag(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 32);
}

export class SesMailer implements Mailer {
  private client: SESv2Client | undefined;

  constructor(private readonly options: SesMailerOptions) {
    this.client = options.client;
  }

  async send(message: MailMessage): Promise<SendResult> {
    validateMessage(message);
    const ledger = this.options.ledger;
    if (ledger) {
      const claim = await ledger.claim(message.idempotencyKey);
      if (!claim.claimed) return { messageId: claim.messageId ?? '', duplicate: true };
    }
    let messageId: string;
    try {
      messageId = await this.sendNow(message);
    } catch (err) {
      if (ledger) await ledger.release(message.idempotencyKey).catch(() => undefined);
      throw err;
    }
    if (ledger) await ledger.complete(message.idempotencyKey, messageId);
    return { messageId, duplicate: false };
  }

  private async sendNow(message: MailMessage): Promise<string> {
    const tags: MessageTag[] = [{ Name: 'mail-id', Value: mailIdTag(message.idempotencyKey) }];
    for (const [name, value] of Object.entries(message.tags ?? {})) {
      tags.push({ Name: sanitizeTag(name), Value: sanitizeTag(value) });
    }
    // The SES client is loaded on the first send, not at init: most invocations of most functions send no mail.
    const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    this.client ??= new SESv2Client({});
    const out = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.options.from,
        Destination: {
          ToAddresses: message.to,
          ...(message.cc && message.cc.length > 0 ? { CcAddresses: message.cc } : {}),
        },
        Content: {
          Simple: {
            Subject: { Data: oneLine(message.subject), Charset: 'UTF-8' },
            Body: {
              Text: { Data: message.text, Charset: 'UTF-8' },
              Html: { Data: message.html, Charset: 'UTF-8' },
            },
          },
        },
        ConfigurationSetName: this.options.configurationSetName,
        EmailTags: tags,
      }),
    );
    if (!out.MessageId) throw new Error('SES SendEmail returned no MessageId');
    return out.MessageId;
  }
}
