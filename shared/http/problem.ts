/**
 * RFC 9457 problem details, the one place errors become HTTP: every class of the error family
 * (shared/application/errors.ts), the domain's errors and zod's map to one status here, with messages
 * in Bahasa Indonesia and English. Bad input never becomes a 500.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod';
import { ZodError } from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodId from 'zod/v4/locales/id.js';
import { logger } from '../adapters/powertools';
import { ConflictError, ForbiddenError, NotFoundError, RuleError, StateError, SubmissionLimitError, UnauthorizedError } from '../application/errors';
import { DomainError } from '../domain/errors';

/** Sent with every answer of the API, problems included. */
export const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff' } as const;

export interface FieldProblem {
  field: string;
  id: string;
  en: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detailId: string,
    readonly detailEn: string,
    readonly errors: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
    /** RFC 9457 extension members, beside the standard ones (e.g. an import's `written` and `total`). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detailEn);
  }
}

export const badRequest = (id: string, en: string, errors: FieldProblem[] = []) => new HttpProblem(400, 'Bad Request', id, en, errors);
export const unauthorized = () => new HttpProblem(401, 'Unauthorized', 'Token tidak ada atau tidak sah', 'Missing or invalid token');
/** 503 with Retry-After: a job that stopped within its time budget and is completed by sending it again. */
export const unavailable = (id: string, en: string, retryAfterSeconds: number, extensions: Record<string, unknown> = {}) =>
  new HttpProblem(503, 'Service Unavailable', id, en, [], { 'retry-after': String(retryAfterSeconds) }, extensions);
export const payloadTooLarge = (limit: number) =>
  new HttpProblem(413, 'Payload Too Large', `Isi permintaan melebihi ${limit} byte`, `Request body exceeds ${limit} bytes`);

/**
 * zod's own messages in both languages, through its locales (`z.locales.id()` / `z.locales.en()`, imported
 * one by one so a bundle carries these two, not zod's forty):
 * "Pilihan tidak valid: diharapkan salah satu dari …" beside "Invalid option: expected one of …". A message a
 * schema wrote itself is kept (bilingual ones are written "Indonesia / English" and split here).
 */
const zodLocale = { id: zodId().localeError, en: zodEn().localeError };
type RawIssue = Parameters<typeof zodLocale.en>[0];
function localeMessage(locale: 'id' | 'en', issue: z.core.$ZodIssue): string {
  const out = zodLocale[locale](issue as unknown as RawIssue);
  return typeof out === 'string' ? out : (out?.message ?? issue.message);
}
export function zodMessages(issue: z.core.$ZodIssue): { id: string; en: string } {
  const en = localeMessage('en', issue);
  // zod's default message: the English locale gives it again (without the input, "received undefined" may differ).
  const isDefault = en === issue.message || (issue.code === 'invalid_type' && !('input' in issue) && issue.message.startsWith('Invalid input: expected'));
  if (!isDefault) {
    const [id, english] = issue.message.split(' / ');
    return english ? { id: id!, en: english } : { id: issue.message, en: issue.message };
  }
  const idText = localeMessage('id', issue);
  // Without the input the locale cannot say what was received: say only what was expected.
  const received = issue.code === 'invalid_type' && !('input' in issue) && !issue.message.endsWith('received undefined');
  return { id: received ? idText.replace(/, diterima \S+$/, '') : idText, en: issue.message };
}

function fromZod(err: ZodError): HttpProblem {
  const errors = err.issues.map((i) => {
    const text = zodMessages(i);
    const where = i.path.join('.');
    return { field: where || '(body)', id: `Isian ${where || 'permintaan'} tidak valid: ${text.id}`, en: `${where || 'body'}: ${text.en}` };
  });
  return new HttpProblem(400, 'Bad Request', 'Permintaan tidak valid; periksa isian yang disebut', 'The request is invalid; see the fields listed', errors);
}

export function toProblem(err: unknown): HttpProblem {
  if (err instanceof HttpProblem) return err;
  if (err instanceof ZodError) return fromZod(err);
  if (err instanceof DomainError) {
    const errs = (err as DomainError & { errors?: DomainError[] }).errors ?? [err];
    return new HttpProblem(
      422,
      'Unprocessable Content',
      err.messageId,
      err.messageEn,
      errs.map((e) => ({ field: e.field ?? '(body)', id: e.messageId, en: e.messageEn })),
    );
  }
  if (err instanceof RuleError) {
    const fields = err.field ? [{ field: err.field, id: err.messageId, en: err.message }] : [];
    return new HttpProblem(422, 'Unprocessable Content', err.messageId, err.message, fields);
  }
  if (err instanceof UnauthorizedError) return unauthorized();
  if (err instanceof ForbiddenError) return new HttpProblem(403, 'Forbidden', err.messageId, err.message);
  if (err instanceof NotFoundError) return new HttpProblem(404, 'Not Found', err.messageId, err.message);
  if (err instanceof StateError || err instanceof ConflictError) return new HttpProblem(409, 'Conflict', err.messageId, err.message);
  if (err instanceof SubmissionLimitError) {
    return new HttpProblem(
      429,
      'Too Many Requests',
      `Batas ${err.limit} isian survei per hari untuk unit ini dari perangkat yang sama sudah tercapai; silakan coba lagi besok`,
      `The limit of ${err.limit} survey submissions per day for this unit from the same device has been reached; please try again tomorrow`,
      [],
      { 'retry-after': String(err.retryAfterSeconds) },
    );
  }
  logger.error('Unhandled error', err as Error);
  return new HttpProblem(500, 'Internal Server Error', 'Terjadi kesalahan pada server; coba lagi nanti', 'Something went wrong on our side; try again later');
}

export function problemResponse(err: unknown, instance?: string): APIGatewayProxyStructuredResultV2 {
  const p = toProblem(err);
  return {
    statusCode: p.status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...SECURITY_HEADERS, ...p.headers },
    body: JSON.stringify({
      type: `https://asn-kinerja.example/problems/${p.status}`,
      title: p.title,
      status: p.status,
      detail: p.detailId,
      detail_en: p.detailEn,
      ...(instance ? { instance } : {}),
      ...(p.errors.length ? { errors: p.errors } : {}),
      ...p.extensions,
    }),
  };
}
