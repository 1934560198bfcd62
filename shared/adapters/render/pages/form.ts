/**
 * Parsing the confirmation form's POST (application/x-www-form-urlencoded). The browser's
 * `required` attribute is a convenience only: the reason rule is enforced here.
 */
import { type Decision, parseDecision } from '../../links/links';

export const MAX_COMMENT_LENGTH = 2000;

export type DecisionFormError = 'reasonRequired' | 'reasonTooLong' | 'invalidDecision' | 'rerate';

export type DecisionForm =
  | { ok: true; decision: Decision; comment: string; fields: Record<string, string> }
  | { ok: false; error: DecisionFormError; decision?: Decision; comment: string; fields: Record<string, string> };

/** Trims, normalises newlines and drops control characters other than newline and tab. */
export function normaliseComment(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .trim()
  );
}

/**
 * `fields` holds every field that occurs exactly once (the signed link fields among them); a field
 * sent twice is dropped, so verifyDecisionLink then reports the link as malformed.
 */
export function parseDecisionForm(body: string | undefined, options: { isBase64Encoded?: boolean; requireReason?: boolean } = {}): DecisionForm {
  const raw = body === undefined ? '' : options.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
  const params = new URLSearchParams(raw);
  const fields: Record<string, string> = {};
  for (const name of new Set(params.keys())) {
    const all = params.getAll(name);
    if (all.length === 1 && all[0] !== undefined) fields[name] = all[0];
  }
  const comment = normaliseComment(fields.comment ?? '');
  const decision = parseDecision(fields.decision);
  if (!decision) return { ok: false, error: 'invalidDecision', comment, fields };
  if (comment.length > MAX_COMMENT_LENGTH) return { ok: false, error: 'reasonTooLong', decision, comment, fields };
  if (decision === 'return' && (options.requireReason ?? true) && comment === '') {
    return { ok: false, error: 'reasonRequired', decision, comment, fields };
  }
  return { ok: true, decision, comment, fields };
}
