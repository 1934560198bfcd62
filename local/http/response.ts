// Turns a Lambda result into an HTTP response, as API Gateway does for payload format 2.0.
//
// The result first goes through JSON, as it does between Lambda and API Gateway (a Date becomes
// a string, undefined members disappear, `undefined` itself becomes null). Then:
//   - an object with `statusCode`: statusCode, headers (values stringified), cookies (one
//     Set-Cookie header each), body (string; decoded from base64 when isBase64Encoded is true).
//     `multiValueHeaders` belongs to payload 1.0 and is ignored here, as API Gateway ignores it.
//   - anything else (a string, an object without statusCode, an array, a number, null): status
//     200, `content-type: application/json`, body = the string itself, or the JSON of the value.
// A result that cannot be used (statusCode not an HTTP status, a non-string body, a header value
// that is an object) is an integration error: 500 {"message":"Internal Server Error"}.

export interface MappedResponse {
  statusCode: number;
  /** Header name → value; `set-cookie` may hold several. */
  headers: Record<string, string | string[]>;
  body: Buffer;
}

export class InvalidLambdaResponseError extends Error {
  override readonly name = 'InvalidLambdaResponseError';
}

const DROPPED_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

function headerValue(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new InvalidLambdaResponseError(`header '${name}' must be a string, number or boolean`);
}

export function mapLambdaResult(result: unknown): MappedResponse {
  let json: string;
  try {
    json = JSON.stringify(result === undefined ? null : result);
  } catch (error) {
    throw new InvalidLambdaResponseError(`the result cannot be serialized to JSON: ${(error as Error).message}`);
  }
  const value = JSON.parse(json) as unknown;

  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'statusCode' in value) {
    const structured = value as Record<string, unknown>;
    const { statusCode } = structured;
    if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
      throw new InvalidLambdaResponseError(`statusCode must be an integer HTTP status, got ${JSON.stringify(statusCode)}`);
    }
    const headers: Record<string, string | string[]> = {};
    const rawHeaders = structured.headers ?? {};
    if (typeof rawHeaders !== 'object' || rawHeaders === null || Array.isArray(rawHeaders)) {
      throw new InvalidLambdaResponseError('headers must be an object');
    }
    const cookies: string[] = [];
    for (const [name, raw] of Object.entries(rawHeaders)) {
      const lower = name.toLowerCase();
      if (DROPPED_HEADERS.has(lower)) continue;
      if (lower === 'set-cookie') cookies.push(headerValue(name, raw));
      else headers[lower] = headerValue(name, raw);
    }
    const rawCookies = structured.cookies ?? [];
    if (!Array.isArray(rawCookies) || rawCookies.some((cookie) => typeof cookie !== 'string')) {
      throw new InvalidLambdaResponseError('cookies must be an array of strings');
    }
    cookies.push(...(rawCookies as string[]));
    if (cookies.length > 0) headers['set-cookie'] = cookies;
    const body = structured.body ?? '';
    if (typeof body !== 'string') throw new InvalidLambdaResponseError('body must be a string');
    const isBase64 = structured.isBase64Encoded === true;
    return { statusCode, headers, body: isBase64 ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8') };
  }

  const body = typeof value === 'string' ? value : json;
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body, 'utf8') };
}
