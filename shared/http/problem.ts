/**
 * RFC 9457 problem details, the one place errors become HTTP: every class of the error family
 * (shared/application/errors.ts), the domain's errors and zod's map to one status here, with messages
 * in Bahasa Indonesia and English. Bad input never becomes a 500.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ZodError } from 'zod';
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
  ) {
    super(detailEn);
  }
}

export const badRequest = (id: string, en: string, errors: FieldProblem[] = []) => new HttpProblem(400, 'Bad Request', id, en, errors);
export const unauthorized = () => new HttpProblem(401, 'Unauthorized', 'Token tidak ada atau tidak sah', 'Missing or invalid token');
export const methodNotAllowed = (method: string, allow: readonly string[]) =>
  new HttpProblem(405, 'Method Not Allowed', `Metode ${method} tidak didukung di alamat ini`, `Method ${method} is not supported here`, [], {
    allow: allow.join(', '),
  });
export const payloadTooLarge = (limit: number) =>
  new HttpProblem(413, 'Payload Too Large', `Isi permintaan melebihi ${limit} byte`, `Request body exceeds ${limit} bytes`);

function fromZod(err: ZodError): HttpProblem {
  const errors = err.issues.map((i) => ({
    field: i.path.join('.') || '(body)',
    id: `Isian ${i.path.join('.') || 'permintaan'} tidak valid: ${i.message}`,
    en: `${i.path.join('.') || 'body'}: ${i.message}`,
  }));
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
    }),
  };
}
