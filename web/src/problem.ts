/**
 * problem+json (RFC 9457) from the API, as the app shows it: the summary on top (GOV.UK style) and each
 * message beside the field it concerns, in the user's language. The API names fields by their path in
 * the request body (`rhk.0.indicators.1.target.value`, see shared/http/problem.ts); the form's fields
 * carry the same paths, so a message lands on the field itself or on its nearest enclosing field.
 */
import type { Locale } from './i18n';

export interface FieldProblem {
  field: string;
  id: string;
  en: string;
}
export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  detail_en?: string;
  errors?: FieldProblem[];
}

export function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && typeof (x as Problem).status === 'number';
}

/** The problem's own sentence in the user's language. */
export function problemDetail(p: Problem, locale: Locale): string {
  return (locale === 'en' ? (p.detail_en ?? p.detail) : (p.detail ?? p.detail_en)) ?? p.title ?? String(p.status);
}

/**
 * The form field a problem's path belongs to: the path itself, else its longest known prefix
 * (`rhk.0.indicators.1.target` → `rhk.0.indicators.1.target.value` is not a prefix, but
 * `rhk.0.indicators` of `rhk.0.indicators.3` is); undefined when no field matches (summary only).
 */
export function fieldFor(path: string, known: readonly string[]): string | undefined {
  if (known.includes(path)) return path;
  // A problem about an object (e.g. `rhk.0.indicators.1.target`): its first field inside.
  const inside = known.find((k) => k.startsWith(`${path}.`));
  if (inside) return inside;
  const parts = path.split('.');
  for (let n = parts.length - 1; n > 0; n--) {
    const prefix = parts.slice(0, n).join('.');
    if (known.includes(prefix)) return prefix;
  }
  return undefined;
}

export interface ShownErrors {
  /** Lines of the summary, each linking to its field when there is one. */
  summary: { text: string; field?: string }[];
  /** Message beside each field (several joined). */
  byField: Record<string, string>;
}

/** Turns a problem into what the page shows, for the fields the form has. */
export function showProblem(p: Problem, locale: Locale, known: readonly string[]): ShownErrors {
  const byField: Record<string, string> = {};
  const summary: ShownErrors['summary'] = [];
  for (const e of p.errors ?? []) {
    const text = locale === 'en' ? e.en : e.id;
    const field = fieldFor(e.field, known);
    if (field) byField[field] = byField[field] ? `${byField[field]} ${text}` : text;
    summary.push({ text, ...(field ? { field } : {}) });
  }
  if (!summary.length) summary.push({ text: problemDetail(p, locale) });
  return { summary, byField };
}

/** Errors the page found itself (before sending), in the same shape. */
export function localErrors(errors: Record<string, string>): ShownErrors {
  return { byField: errors, summary: Object.entries(errors).map(([field, text]) => ({ text, field })) };
}

/** The DOM id of a field's input from its path (ids keep dots out: CSS selectors stay simple). */
export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
