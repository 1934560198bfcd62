/**
 * Citizens' free text: what is accepted, what personal data is removed before storing, and which
 * employees a comment names. Comments are stored as plain text and escaped wherever they are shown.
 */
import { MAX_NAMED_NIPS } from './limits';

/** C0/C1 controls (except tab and newlines) and bidirectional overrides, which can disguise text. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** Markup: an HTML tag or comment, or a javascript: URL. Plain prose ("harga < 5000") passes. */
const MARKUP = /<\s*\/?\s*[a-z!?][^<>]*>|javascript\s*:/i;

export const hasControlCharacters = (s: string) => CONTROL.test(s);
export const hasMarkup = (s: string) => MARKUP.test(s);

/** Trims, normalises to NFC and folds runs of blank lines, so equal texts are stored equally. */
export function normaliseText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** 18 digits, written together or grouped as on a name tag: "19831126 201304 2 001". */
const NIP_IN_TEXT = /(?<!\d)(\d{8})[ .-]?(\d{6})[ .-]?(\d)[ .-]?(\d{3})(?!\d)/g;

/** The NIPs a comment names, in order of first mention, at most MAX_NAMED_NIPS. */
export function namedNips(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(NIP_IN_TEXT)) {
    const nip = `${m[1]}${m[2]}${m[3]}${m[4]}`;
    if (!found.includes(nip)) found.push(nip);
    if (found.length === MAX_NAMED_NIPS) break;
  }
  return found;
}

export const REDACTED = '[disamarkan]';
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** Indonesian mobile numbers: 08…, 628…, +62 8…, with optional spaces or dashes. */
const PHONE = /(?<![\d+])(?:\+62|62|0)[ -]?8(?:[ -]?\d){7,11}(?!\d)/g;
/** NIK (the citizen's identity number): 16 digits. An 18-digit NIP is not touched. */
const NIK = /(?<!\d)\d{16}(?!\d)/g;

/**
 * Removes the citizen's own contact and identity data (email, phone, NIK) from a comment before it is
 * stored: the survey is anonymous, and a moderated comment may later be shown to a rater.
 * Employees' NIPs stay (they are what links a comment to an employee).
 */
export function redactPersonalData(text: string): { text: string; redactions: number } {
  let redactions = 0;
  const replace = (s: string, re: RegExp) =>
    s.replace(re, () => {
      redactions += 1;
      return REDACTED;
    });
  const out = replace(replace(replace(text, EMAIL), PHONE), NIK);
  return { text: out, redactions };
}
