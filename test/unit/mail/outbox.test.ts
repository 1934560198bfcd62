import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHeaderValue, decodeQuotedPrintable, encodeHeaderValue, encodeQuotedPrintable, extractLinks } from '../../../shared/adapters/mail/eml';
import { OutboxMailer, outboxFileName, readOutbox } from '../../../shared/adapters/mail/outbox';
import type { MailMessage } from '../../../shared/adapters/mail/types';

const newDir = () => mkdtemp(join(tmpdir(), 'outbox-'));

const approve = 'https://kinerja.local/v1/decisions/01JH8Z6QK3V4TB2N9W7C5XRY0M?a=approve&r=AbCdEfGhIjKlMnOp&e=1800000000&k=local-1a2b3c4d&s=' + 'x'.repeat(43);
const ret = approve.replace('a=approve', 'a=return');

const message: MailMessage = {
  to: ['camat@surabaya.go.id', 'plt.camat@surabaya.go.id'],
  cc: ['hr@surabaya.go.id'],
  subject: 'Persetujuan penilaian kinerja – 2 pegawai menunggu keputusan Anda (batas 15 Januari 2027 pukul 16.00 WIB) ✓',
  text: `Yth. Bapak/Ibu Camat,\n\nSetujui: ${approve}\nKembalikan: ${ret}\n\nBaris dengan spasi di akhir   \nTanda sama dengan = dan 100 %.\n`,
  html: `<p>Yth. Bapak/Ibu — Siti &lt;script&gt;</p><a href="${approve.replace(/&/g, '&amp;')}" style="x">Setujui</a> <a class="b" href='${ret.replace(
    /&/g,
    '&amp;',
  )}'>Kembalikan</a>`,
  idempotencyKey: 'digest:cycle-2026/approval:198001012005011001',
  tags: { kind: 'approval-digest' },
};

describe('OutboxMailer', () => {
  it('writes one .eml per idempotencyKey; a second send is a duplicate', async () => {
    const dir = await newDir();
    const mailer = new OutboxMailer(dir);
    const first = await mailer.send(message);
    const second = await mailer.send({ ...message, subject: 'changed' });
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ messageId: first.messageId, duplicate: true });
    const files = await readdir(dir);
    expect(files).toEqual([outboxFileName(message.idempotencyKey)]);
    const [only] = await readOutbox(dir);
    expect(only?.subject).toBe(message.subject); // the first one won
  });

  it('concurrent sends of one key produce one file and one non-duplicate', async () => {
    const dir = await newDir();
    const results = await Promise.all(Array.from({ length: 10 }, () => new OutboxMailer(dir).send(message)));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await readdir(dir)).toHaveLength(1); // no temp files left behind
  });

  it('keys that sanitize alike still get their own files', async () => {
    const dir = await newDir();
    const mailer = new OutboxMailer(dir);
    await mailer.send({ ...message, idempotencyKey: 'reminder:a/b' });
    await mailer.send({ ...message, idempotencyKey: 'reminder:a:b' });
    await mailer.send({ ...message, idempotencyKey: '../../etc/passwd' });
    const files = await readdir(dir);
    expect(files).toHaveLength(3);
    for (const f of files) expect(f).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*--[0-9a-f]{12}\.eml$/);
  });

  it('round-trips through readOutbox: addresses, non-ASCII subject, bodies, links, tags', async () => {
    const dir = await newDir();
    const now = new Date('2027-01-10T02:03:04Z');
    const { messageId } = await new OutboxMailer(dir, { now: () => now }).send(message);
    const [m, ...rest] = await readOutbox(dir);
    expect(rest).toHaveLength(0);
    expect(m).toBeDefined();
    if (!m) return;
    expect(m.messageId).toBe(messageId);
    expect(m.to).toEqual(message.to);
    expect(m.cc).toEqual(message.cc);
    expect(m.from).toContain('no-reply@kinerja.local');
    expect(m.subject).toBe(message.subject);
    expect(m.date.toISOString()).toBe(now.toISOString());
    expect(m.text).toBe(message.text);
    expect(m.html).toBe(message.html);
    expect(m.links).toEqual([approve, ret]); // &amp; decoded
    expect(m.idempotencyKey).toBe(message.idempotencyKey);
    expect(m.tags).toEqual({ kind: 'approval-digest' });
  });

  it('writes a readable RFC 5322 / MIME file', async () => {
    const dir = await newDir();
    await new OutboxMailer(dir, { now: () => new Date('2027-01-10T02:03:04Z') }).send(message);
    const raw = await readFile(join(dir, outboxFileName(message.idempotencyKey)), 'utf8');
    const split = raw.indexOf('\r\n\r\n');
    const head = raw.slice(0, split);
    const body = raw.slice(split + 4);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // CRLF line endings only
    expect(head).toMatch(/^From: "Kinerja ASN" <no-reply@kinerja\.local>$/m);
    expect(head).toMatch(/^To: camat@surabaya\.go\.id,\r\n plt\.camat@surabaya\.go\.id$/m);
    expect(head).toMatch(/^Date: Sun, 10 Jan 2027 02:03:04 \+0000$/m);
    expect(head).toMatch(/^Message-ID: <[0-9a-f]{32}@outbox\.kinerja\.local>$/m);
    expect(head).toMatch(/^MIME-Version: 1\.0$/m);
    expect(head).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(head).toMatch(/^Content-Type: multipart\/alternative;\r\n boundary="=_kinerja_[0-9a-f]+"$/m);
    expect(raw).toContain('Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable');
    expect(raw).toContain('Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable');
    for (const line of raw.split('\r\n')) {
      expect(line.length).toBeLessThanOrEqual(78);
      expect(line).toMatch(/^[\x20-\x7e]*$/); // 7-bit clean
    }
    expect(body).toContain('Yth. Bapak/Ibu Camat,'); // readable as is
  });

  it('readOutbox of a missing directory is empty', async () => {
    expect(await readOutbox(join(tmpdir(), 'no-such-outbox-dir-xyz'))).toEqual([]);
  });

  it('returns messages oldest first', async () => {
    const dir = await newDir();
    const mailer = new OutboxMailer(dir);
    for (const key of ['z-first', 'a-second', 'm-third']) {
      await mailer.send({ ...message, idempotencyKey: key });
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await readOutbox(dir)).map((m) => m.idempotencyKey)).toEqual(['z-first', 'a-second', 'm-third']);
  });
});

describe('MIME encodings', () => {
  it('quoted-printable round-trips any text (newlines normalised) with lines ≤ 76', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        const encoded = encodeQuotedPrintable(s);
        for (const line of encoded.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
        expect(encoded).toMatch(/^[\x20-\x7e\r\n]*$/);
        expect(decodeQuotedPrintable(encoded)).toBe(s.replace(/\r\n|\r/g, '\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps spaces before soft line breaks and encodes trailing whitespace', () => {
    const s = `${'a '.repeat(60)}end  \nnext\t`;
    expect(decodeQuotedPrintable(encodeQuotedPrintable(s))).toBe(s);
  });

  it('encoded-word headers round-trip and never split a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const value = s.replace(/[\r\n]/g, ' ');
        const encoded = encodeHeaderValue(value, 'Subject: '.length);
        `Subject: ${encoded}`.split('\r\n').forEach((line) => expect(line.length).toBeLessThanOrEqual(76));
        expect(decodeHeaderValue(encoded.replace(/\r\n /g, ' '))).toBe(value);
      }),
      { numRuns: 300 },
    );
    expect(encodeHeaderValue('Plain ASCII subject')).toBe('Plain ASCII subject');
  });

  it('extractLinks finds every href, decoding entities', () => {
    expect(extractLinks('<a href="https://x/?a=1&amp;b=2">x</a><A HREF=\'/rel\'>y</A><a title="href=no">z</a><p>href="text"</p>')).toEqual([
      'https://x/?a=1&b=2',
      '/rel',
    ]);
  });
});
