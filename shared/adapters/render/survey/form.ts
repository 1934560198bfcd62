/**
 * The survey form's POST (application/x-www-form-urlencoded): nine optional answers `u1`…`u9`
 * ('1'–'4'; absent or empty = skipped), an optional comment, the page's language, the page's
 * one-time token and, at a counter, the kiosk token. Only the shape is checked here; the SKM rules are
 * the submit use case's (and the domain's).
 */
import { ANSWER_FIELDS } from './pages';
import type { SurveyLocale } from './texts';

export interface SurveyForm {
  locale: SurveyLocale;
  /** Per question: 1–4, or null when skipped. */
  answers: (number | null)[];
  /** As typed (the submission schema normalises it). */
  comment: string;
  idem?: string;
  kiosk?: string;
  /** Fields whose value is not one of the offered answers (a forged or garbled form). */
  invalid: string[];
  /** The raw values, to show the form again as it was sent. */
  values: { answers: string[]; comment: string };
}

const one = (params: URLSearchParams, name: string): string | undefined => {
  const all = params.getAll(name);
  return all.length === 1 ? all[0] : undefined;
};

export function parseSurveyForm(body: string): SurveyForm {
  const params = new URLSearchParams(body);
  const invalid: string[] = [];
  const raw = ANSWER_FIELDS.map((f) => {
    const all = params.getAll(f);
    if (all.length > 1) invalid.push(f);
    return all.length === 1 ? all[0]!.trim() : '';
  });
  const answers = raw.map((v, i) => {
    if (v === '') return null;
    if (/^[1-4]$/.test(v)) return Number(v);
    if (!invalid.includes(ANSWER_FIELDS[i]!)) invalid.push(ANSWER_FIELDS[i]!);
    return null;
  });
  const comment = one(params, 'comment') ?? '';
  const idem = one(params, 'idem');
  const kiosk = one(params, 'kiosk');
  return {
    locale: one(params, 'lang') === 'en' ? 'en' : 'id',
    answers,
    comment,
    ...(idem ? { idem } : {}),
    ...(kiosk ? { kiosk } : {}),
    invalid,
    values: { answers: raw.map((v) => (/^[1-4]$/.test(v) ? v : '')), comment },
  };
}

/** A message written "Indonesian / English" (the submission schema's style) in one language. */
export function inLocale(message: string, locale: SurveyLocale): string {
  const parts = message.split(' / ');
  return parts.length === 2 ? (locale === 'en' ? parts[1]! : parts[0]!) : message;
}
