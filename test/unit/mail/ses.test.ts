import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { mailerFromEnv } from '../../../shared/adapters/mail/env';
import { OutboxMailer } from '../../../shared/adapters/mail/outbox';
import { mailIdTag, type SendLedger, SesMailer } from '../../../shared/adapters/mail/ses';
import { MailConfigurationError, type MailMessage } from '../../../shared/adapters/mail/types';

const ses = mockClient(SESv2Client);
beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: '0100018c-ses-message-id' });
});

const message: MailMessage = {
  to: ['camat@surabaya.go.id'],
  cc: ['sekcam@surabaya.go.id'],
  subject: 'Persetujuan penilaian kinerja:\r\n 2 pegawai — menunggu',
  html: '<p>Yth. Bapak/Ibu</p>',
  text: 'Yth. Bapak/Ibu',
  idempotencyKey: 'digest:cycle-2026:approval:198001012005011001',
  tags: { kind: 'approval-digest', stage: 'final approval/2026' },
};

function mailer(ledger?: SendLedger) {
  return new SesMailer({
    from: 'Kinerja ASN <no-reply@kinerja.surabaya.go.id>',
    configurationSetName: 'kinerja-mail',
    client: new SESv2Client({ region: 'ap-southeast-3' }),
    ...(ledger ? { ledger } : {}),
  });
}

describe('SesMailer', () => {
  it('sends Simple content with UTF-8 html and text, the configuration set and tags', async () => {
    const result = await mailer().send(message);
    expect(result).toEqual({ messageId: '0100018c-ses-message-id', duplicate: false });
    const calls = ses.commandCalls(SendEmailCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      FromEmailAddress: 'Kinerja ASN <no-reply@kinerja.surabaya.go.id>',
      Destination: { ToAddresses: ['camat@surabaya.go.id'], CcAddresses: ['sekcam@surabaya.go.id'] },
      Content: {
        Simple: {
          Subject: { Data: 'Persetujuan penilaian kinerja: 2 pegawai — menunggu', Charset: 'UTF-8' },
          Body: {
            Text: { Data: 'Yth. Bapak/Ibu', Charset: 'UTF-8' },
            Html: { Data: '<p>Yth. Bapak/Ibu</p>', Charset: 'UTF-8' },
          },
        },
      },
      ConfigurationSetName: 'kinerja-mail',
      EmailTags: [
        { Name: 'mail-id', Value: mailIdTag(message.idempotencyKey) },
        { Name: 'kind', Value: 'approval-digest' },
        { Name: 'stage', Value: 'final_approval_2026' },
      ],
    });
  });

  it('keeps NIPs out of tags: the idempotency key is only hashed', async () => {
    await mailer().send(message);
    const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(JSON.stringify(input?.EmailTags)).not.toContain('198001012005011001');
  });

  it('omits Cc when there is none', async () => {
    await mailer().send({ ...message, cc: [] });
    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input.Destination).toEqual({ ToAddresses: ['camat@surabaya.go.id'] });
  });

  it('rejects header-injection attempts and empty recipient lists before calling SES', async () => {
    await expect(mailer().send({ ...message, to: ['a@b.go.id\r\nBcc: x@y.z'] })).rejects.toThrow(/invalid address/);
    await expect(mailer().send({ ...message, to: [] })).rejects.toThrow(/recipient/);
    await expect(mailer().send({ ...message, idempotencyKey: ' ' })).rejects.toThrow(/idempotencyKey/);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  describe('with a SendLedger', () => {
    function memoryLedger() {
      const state = new Map<string, string | null>();
      const ledger: SendLedger = {
        claim: async (key) => {
          if (state.has(key)) {
            const id = state.get(key);
            return id ? { claimed: false, messageId: id } : { claimed: false };
          }
          state.set(key, null);
          return { claimed: true };
        },
        complete: async (key, id) => void state.set(key, id),
        release: async (key) => void state.delete(key),
      };
      return { ledger, state };
    }

    it('sends a key once; a retry returns duplicate without calling SES', async () => {
      const { ledger } = memoryLedger();
      const m = mailer(ledger);
      expect(await m.send(message)).toEqual({ messageId: '0100018c-ses-message-id', duplicate: false });
      expect(await m.send(message)).toEqual({ messageId: '0100018c-ses-message-id', duplicate: true });
      expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    });

    it('releases the claim when SES fails, so a retry sends', async () => {
      const { ledger, state } = memoryLedger();
      ses.reset();
      ses.on(SendEmailCommand).rejectsOnce(new Error('Throttling')).resolves({ MessageId: 'second-try' });
      const m = mailer(ledger);
      await expect(m.send(message)).rejects.toThrow(/Throttling/);
      expect(state.has(message.idempotencyKey)).toBe(false);
      expect(await m.send(message)).toEqual({ messageId: 'second-try', duplicate: false });
    });
  });
});

describe('mailerFromEnv', () => {
  it('MAIL_TRANSPORT=ses needs MAIL_FROM and SES_CONFIGURATION_SET', () => {
    expect(mailerFromEnv({ MAIL_TRANSPORT: 'ses', MAIL_FROM: 'no-reply@x.go.id', SES_CONFIGURATION_SET: 'cs' })).toBeInstanceOf(SesMailer);
    expect(() => mailerFromEnv({ MAIL_TRANSPORT: 'ses', MAIL_FROM: 'no-reply@x.go.id' })).toThrow(/SES_CONFIGURATION_SET/);
    expect(() => mailerFromEnv({ MAIL_TRANSPORT: 'ses' })).toThrow(/MAIL_FROM and SES_CONFIGURATION_SET/);
  });

  it('MAIL_TRANSPORT=outbox needs OUTBOX_DIR', () => {
    expect(mailerFromEnv({ MAIL_TRANSPORT: 'outbox', OUTBOX_DIR: '/tmp/outbox' })).toBeInstanceOf(OutboxMailer);
    expect(() => mailerFromEnv({ MAIL_TRANSPORT: 'outbox' })).toThrow(/OUTBOX_DIR/);
  });

  it('anything else is a configuration error', () => {
    expect(() => mailerFromEnv({})).toThrow(MailConfigurationError);
    expect(() => mailerFromEnv({ MAIL_TRANSPORT: 'smtp' })).toThrow(/"ses".*"outbox"/);
  });
});
