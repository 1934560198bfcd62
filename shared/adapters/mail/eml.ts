/**
 * Minimal RFC 5322 / MIME writer and reader for the file outbox: multipart/alternative with a
 * quoted-printable UTF-8 text part and HTML part, RFC 2047 encoded words for non-ASCII headers.
 * The reader understands what the writer produces, plus base64 parts and LF-only line endings.
 */
const CRLF = '\r\n';

// ---------------------------------------------------------------- quoted-printable

export function encodeQuotedPrintable(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  return lines.map(encodeQpLine).join(CRLF);
}

function encodeQpLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  const tokens: string[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    const last = i === bytes.length - 1;
    if ((b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last)) {
      tokens.push(String.fromCharCode(b));
    } else {
      tokens.push(`=${b.toString(16).toUpperCase().padStart(2, '0')}`);
    }
  }
  // Soft line breaks keep every line ≤ 76 characters (75 + the trailing '=').
  const out: string[] = [];
  let current = '';
  for (const token of tokens) {
    if (current.length + token.length > 75) {
      out.push(`${current}=`);
      current = '';
    }
    current += token;
  }
  out.push(current);
  return out.join(CRLF);
}

export function decodeQuotedPrintable(encoded: string): string {
  const withoutSoftBreaks = encoded.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  const lineBreak = Buffer.from('\n');
  const lines = withoutSoftBreaks.split(/\r?\n/);
  lines.forEach((rawLine, index) => {
    const line = rawLine.replace(/[ \t]+$/, ''); // transport-added trailing whitespace is not content
    for (let i = 0; i < line.length; i++) {
      const c = line[i] as string;
      const hex = line.slice(i + 1, i + 3);
      if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else {
        bytes.push(...Buffer.from(c, 'utf8'));
      }
    }
    if (index < lines.length - 1) bytes.push(...lineBreak);
  });
  return Buffer.from(bytes).toString('utf8');
}

// ---------------------------------------------------------------- headers

function isPlainAscii(value: string): boolean {
  return /^[\x20-\x7e]*$/.test(value) && !value.includes('=?');
}

/**
 * RFC 2047 B-encoded words, never splitting a UTF-8 sequence, folded so that every line stays within
 * 76 characters; `prefixLength` is the length of "Name: " before the value on the first line.
 */
export function encodeHeaderValue(value: string, prefixLength = 0): string {
  if (isPlainAscii(value)) return value;
  // "=?UTF-8?B?" + base64 + "?=": 12 characters around 4 base64 characters per 3 bytes
  const budget = (lineStart: number) => Math.max(3, Math.floor((76 - lineStart - 12) / 4) * 3);
  const words: string[] = [];
  let chunk = '';
  for (const ch of value) {
    if (chunk !== '' && Buffer.byteLength(chunk + ch, 'utf8') > budget(words.length === 0 ? prefixLength : 1)) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk !== '') words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

export function decodeHeaderValue(value: string): string {
  const joined = value.replace(/\?=\s+=\?/g, '?==?'); // whitespace between encoded words is not content
  return joined.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_whole, _charset: string, enc: string, data: string) => {
    if (enc.toUpperCase() === 'B') return Buffer.from(data, 'base64').toString('utf8');
    return decodeQuotedPrintable(data.replace(/_/g, ' '));
  });
}

/** "Sat, 29 Nov 2026 04:56:00 +0000" */
export function formatRfc5322Date(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(
    date.getUTCHours(),
  )}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

function formatMailbox(mailbox: string): string {
  const m = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(mailbox);
  if (!m || !m[1]) return mailbox.trim();
  const name = m[1].replace(/^"(.*)"$/, '$1');
  const displayName = isPlainAscii(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : encodeHeaderValue(name, 'From: '.length);
  return `${displayName} <${m[2]}>`;
}

// ---------------------------------------------------------------- message

export interface EmlInput {
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string; // without angle brackets
  date: Date;
  boundary: string; // must not occur in QP output; "=_" prefixed values never do
  extraHeaders?: Record<string, string>;
}

export function buildEml(input: EmlInput): string {
  const headers: [string, string][] = [
    ['From', formatMailbox(input.from)],
    ['To', input.to.join(`,${CRLF} `)],
    ...(input.cc && input.cc.length > 0 ? ([['Cc', input.cc.join(`,${CRLF} `)]] as [string, string][]) : []),
    ['Subject', encodeHeaderValue(input.subject, 'Subject: '.length)],
    ['Date', formatRfc5322Date(input.date)],
    ['Message-ID', `<${input.messageId}>`],
    ['MIME-Version', '1.0'],
    ...Object.entries(input.extraHeaders ?? {}).map(([k, v]) => [k, encodeHeaderValue(v, k.length + 2)] as [string, string]),
    ['Content-Type', `multipart/alternative;${CRLF} boundary="${input.boundary}"`],
  ];
  const part = (type: string, body: string) =>
    [`--${input.boundary}`, `Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: quoted-printable', '', encodeQuotedPrintable(body)].join(CRLF);
  return [
    ...headers.map(([k, v]) => `${k}: ${v}`),
    '',
    'This is a multipart message in MIME format.',
    part('text/plain', input.text),
    part('text/html', input.html),
    `--${input.boundary}--`,
    '',
  ].join(CRLF);
}

export interface ParsedEml {
  /** Lower-cased header names → decoded, unfolded values (last one wins). */
  headers: Record<string, string>;
  text: string;
  html: string;
}

function splitHeadersAndBody(raw: string): { headers: Record<string, string>; body: string } {
  const m = /\r?\n\r?\n/.exec(raw);
  const head = m ? raw.slice(0, m.index) : raw;
  const body = m ? raw.slice(m.index + m[0].length) : '';
  const headers: Record<string, string> = {};
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers[line.slice(0, colon).trim().toLowerCase()] = decodeHeaderValue(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body.replace(/\r\n/g, '\n');
  }
}

export function parseEml(raw: string): ParsedEml {
  const { headers, body } = splitHeadersAndBody(raw);
  const contentType = headers['content-type'] ?? 'text/plain';
  const result: ParsedEml = { headers, text: '', html: '' };
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const parts: { headers: Record<string, string>; body: string }[] = [];
  if (/^multipart\//i.test(contentType) && boundary) {
    const segments = body.split(`--${boundary}`);
    for (const segment of segments.slice(1)) {
      if (segment.startsWith('--')) break;
      parts.push(splitHeadersAndBody(segment.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
    }
  } else {
    parts.push({ headers, body });
  }
  for (const part of parts) {
    const type = (part.headers['content-type'] ?? 'text/plain').toLowerCase();
    const decoded = decodeBody(part.body, part.headers['content-transfer-encoding']);
    if (type.startsWith('text/html')) result.html = decoded;
    else if (type.startsWith('text/plain')) result.text = decoded;
  }
  return result;
}

// ---------------------------------------------------------------- links

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeHtmlEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Every href attribute value in an HTML document (inside tags only), entity-decoded, in document order. */
export function extractLinks(html: string): string[] {
  const links: string[] = [];
  for (const m of html.matchAll(/<[a-z][a-z0-9]*\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
    links.push(decodeHtmlEntities(m[1] ?? m[2] ?? m[3] ?? ''));
  }
  return links;
}
