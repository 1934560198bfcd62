import { describe, expect, it } from 'vitest';
import { createLambdaContext } from '../../../local/http/context';
import { collectHeaders, formatRequestTime, isTextContentType, parseQueryString, splitTarget } from '../../../local/http/request';
import { InvalidLambdaResponseError, mapLambdaResult } from '../../../local/http/response';

describe('payload 2.0 request pieces', () => {
  it.each([
    ['text/plain', true],
    ['text/html; charset=utf-8', true],
    ['application/json', true],
    ['Application/JSON; charset=UTF-8', true],
    ['application/xml', true],
    ['application/javascript', true],
    ['application/x-www-form-urlencoded', false],
    ['multipart/form-data; boundary=x', false],
    ['application/octet-stream', false],
    ['image/png', false],
    [undefined, false],
  ])('content type %j is passed as text: %s', (contentType, text) => {
    expect(isTextContentType(contentType)).toBe(text);
  });

  it('joins repeated headers with commas, lower-cases names and moves cookies out', () => {
    const { headers, cookies } = collectHeaders(['X-Dup', 'a', 'Host', 'localhost', 'x-dup', 'b', 'Cookie', 'session=abc; theme=dark', 'cookie', 'lang=id']);
    expect(headers).toEqual({ 'x-dup': 'a,b', host: 'localhost' });
    expect(cookies).toEqual(['session=abc', 'theme=dark', 'lang=id']);
  });

  it('parses query strings: decoded, "+" as space, repeats joined with commas', () => {
    expect(parseQueryString('a=1&a=2&b=x+y&c=%20z&flag&d=%E2%9C%93&e=')).toEqual({
      a: '1,2',
      b: 'x y',
      c: ' z',
      flag: '',
      d: '✓',
      e: '',
    });
    expect(parseQueryString('')).toBeUndefined();
    expect(parseQueryString('&&')).toBeUndefined();
  });

  it('splits the request target into raw path and raw query', () => {
    expect(splitTarget('/a/b%20c?x=1&y=%20')).toEqual({ rawPath: '/a/b%20c', rawQueryString: 'x=1&y=%20' });
    expect(splitTarget('/a')).toEqual({ rawPath: '/a', rawQueryString: '' });
    expect(splitTarget('/a?')).toEqual({ rawPath: '/a', rawQueryString: '' });
  });

  it('formats requestContext.time like API Gateway', () => {
    expect(formatRequestTime(new Date('2020-03-12T19:03:58.390Z'))).toBe('12/Mar/2020:19:03:58 +0000');
    expect(formatRequestTime(new Date('2026-01-05T08:09:07Z'))).toBe('05/Jan/2026:08:09:07 +0000');
  });
});

describe('payload 2.0 response mapping', () => {
  const text = (r: { body: Buffer }) => r.body.toString('utf8');

  it('a string becomes a 200 application/json response with the string as body', () => {
    const r = mapLambdaResult('Hello from Lambda!');
    expect(r.statusCode).toBe(200);
    expect(r.headers).toEqual({ 'content-type': 'application/json' });
    expect(text(r)).toBe('Hello from Lambda!');
  });

  it('an object without statusCode becomes 200 JSON (after the JSON round trip Lambda does)', () => {
    const r = mapLambdaResult({ message: 'hi', at: new Date('2026-01-01T00:00:00Z'), skip: undefined });
    expect(r.statusCode).toBe(200);
    expect(JSON.parse(text(r))).toEqual({ message: 'hi', at: '2026-01-01T00:00:00.000Z' });
    expect(text(mapLambdaResult(undefined))).toBe('null');
    expect(text(mapLambdaResult([1, 2]))).toBe('[1,2]');
  });

  it('an object with statusCode is a structured response; headers stringified, cookies as Set-Cookie', () => {
    const r = mapLambdaResult({
      statusCode: 201,
      headers: { 'Content-Type': 'text/plain', 'X-Count': 3, 'X-Flag': false, 'Content-Length': '999' },
      cookies: ['a=1; Path=/', 'b=2; HttpOnly'],
      body: 'created',
      multiValueHeaders: { 'x-ignored': ['1', '2'] },
    });
    expect(r.statusCode).toBe(201);
    expect(r.headers).toEqual({
      'content-type': 'text/plain',
      'x-count': '3',
      'x-flag': 'false',
      'set-cookie': ['a=1; Path=/', 'b=2; HttpOnly'],
    });
    expect(text(r)).toBe('created');
  });

  it('decodes a base64 body and allows an empty one', () => {
    const bytes = Buffer.from([0, 1, 2, 254, 255]);
    expect(mapLambdaResult({ statusCode: 200, body: bytes.toString('base64'), isBase64Encoded: true }).body).toEqual(bytes);
    expect(mapLambdaResult({ statusCode: 204 }).body.length).toBe(0);
  });

  it.each([
    [{ statusCode: '200' }],
    [{ statusCode: 99 }],
    [{ statusCode: 200.5 }],
    [{ statusCode: 200, body: { not: 'a string' } }],
    [{ statusCode: 200, headers: { 'x-obj': { a: 1 } } }],
    [{ statusCode: 200, cookies: 'a=1' }],
  ])('rejects the unusable result %j', (result) => {
    expect(() => mapLambdaResult(result)).toThrow(InvalidLambdaResponseError);
  });

  it('rejects a result that cannot be serialized', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => mapLambdaResult(circular)).toThrow(InvalidLambdaResponseError);
  });
});

describe('local Lambda context', () => {
  it('looks like a Lambda context and counts down the remaining time', () => {
    let clock = 1_000_000;
    const context = createLambdaContext({
      functionName: 'skp-get',
      timeoutMs: 30_000,
      region: 'ap-southeast-3',
      accountId: '000000000000',
      awsRequestId: '11111111-2222-3333-4444-555555555555',
      now: () => clock,
    });
    expect(context).toMatchObject({
      functionName: 'skp-get',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:ap-southeast-3:000000000000:function:skp-get',
      awsRequestId: '11111111-2222-3333-4444-555555555555',
      logGroupName: '/aws/lambda/skp-get',
      callbackWaitsForEmptyEventLoop: true,
    });
    expect(context.getRemainingTimeInMillis()).toBe(30_000);
    clock += 12_500;
    expect(context.getRemainingTimeInMillis()).toBe(17_500);
    clock += 60_000;
    expect(context.getRemainingTimeInMillis()).toBe(0);
    expect(() => context.succeed('x')).toThrow(/not supported locally/);
  });
});
