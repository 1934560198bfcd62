/**
 * The local mail transport: one readable `.eml` file per message in a directory. The file name is
 * derived from the idempotencyKey, and files appear atomically and exclusively (temp file, then a
 * hard link that fails if the name exists), so the same key sent twice — even concurrently, from
 * several processes — yields one file, and the second send returns duplicate: true.
 */
import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildEml, extractLinks, parseEml } from './eml';
import { type Mailer, type MailMessage, oneLine, type SendResult, sanitizeTag, validateMessage } from './types';

export const DEFAULT_OUTBOX_FROM = 'Kinerja ASN <no-reply@kinerja.local>';

export interface OutboxMailerOptions {
  from?: string;
  now?: () => Date;
}

function keyHash(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey, 'utf8').digest('hex');
}

/**
 * `<sanitized key, ≤ 80 chars>--<12 hex of sha256(key)>.eml`: readable, and distinct keys that
 * sanitize alike ("a:b", "a/b") still get distinct files.
 */
export function outboxFileName(idempotencyKey: string): string {
  const readable = idempotencyKey
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 80);
  return `${readable || 'message'}--${keyHash(idempotencyKey).slice(0, 12)}.eml`;
}

export class OutboxMailer implements Mailer {
  private readonly from: string;
  private readonly now: () => Date;

  constructor(
    private readonly dir: string,
    options: OutboxMailerOptions = {},
  ) {
    this.from = options.from ?? DEFAULT_OUTBOX_FROM;
    this.now = options.now ?? (() => new Date());
  }

  async send(message: MailMessage): Promise<SendResult> {
    validateMessage(message);
    const hash = keyHash(message.idempotencyKey);
    const messageId = `${hash.slice(0, 32)}@outbox.kinerja.local`;
    const file = join(this.dir, outboxFileName(message.idempotencyKey));
    const tags = Object.entries(message.tags ?? {})
      .map(([k, v]) => `${sanitizeTag(k)}=${sanitizeTag(v)}`)
      .join('; ');
    const eml = buildEml({
      from: this.from,
      to: message.to,
      ...(message.cc ? { cc: message.cc } : {}),
      subject: oneLine(message.subject),
      text: message.text,
      html: message.html,
      messageId,
      date: this.now(),
      boundary: `=_kinerja_${hash.slice(0, 24)}`,
      extraHeaders: {
        'X-Idempotency-Key': oneLine(message.idempotencyKey),
        ...(tags ? { 'X-Mail-Tags': tags } : {}),
      },
    });

    await mkdir(this.dir, { recursive: true });
    const tmp = join(this.dir, `.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    await writeFile(tmp, eml, { encoding: 'utf8', flag: 'wx' });
    try {
      await link(tmp, file);
      return { messageId, duplicate: false };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { messageId, duplicate: true };
      throw err;
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
  }
}

export interface OutboxMessage {
  file: string;
  messageId: string;
  idempotencyKey: string;
  date: Date;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  /** Every href in the HTML part, entity-decoded (`&amp;` → `&`), in document order. */
  links: string[];
  tags: Record<string, string>;
}

function addressList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

export function parseOutboxMessage(raw: string, file: string): OutboxMessage {
  const eml = parseEml(raw);
  const h = eml.headers;
  const tags: Record<string, string> = {};
  for (const pair of (h['x-mail-tags'] ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0) tags[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return {
    file,
    messageId: (h['message-id'] ?? '').replace(/^<|>$/g, ''),
    idempotencyKey: h['x-idempotency-key'] ?? '',
    date: new Date(h['date'] ?? 0),
    from: h['from'] ?? '',
    to: addressList(h['to']),
    cc: addressList(h['cc']),
    subject: h['subject'] ?? '',
    text: eml.text,
    html: eml.html,
    links: extractLinks(eml.html),
    tags,
  };
}

/** All messages in the outbox, oldest first (file modification time, then name). Missing dir → []. */
export async function readOutbox(dir: string): Promise<OutboxMessage[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.eml') && !n.startsWith('.'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const entries = await Promise.all(
    names.map(async (name) => {
      const file = join(dir, name);
      const [raw, info] = await Promise.all([readFile(file, 'utf8'), stat(file, { bigint: true })]);
      return { name, mtime: info.mtimeNs, message: parseOutboxMessage(raw, file) };
    }),
  );
  entries.sort((x, y) => (x.mtime < y.mtime ? -1 : x.mtime > y.mtime ? 1 : x.name.localeCompare(y.name)));
  return entries.map((e) => e.message);
}
