import { connect, createServer } from 'node:net';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { generateKeyPair, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalJwtKeys, mintLocalToken } from '../../../local/http/keys';
import { DEFAULT_LOCAL_HTTP_PORT, LocalHttpPortInUseError, resolveLocalHttpPort, startLocalHttpApi } from '../../../local/http/server';
import { NIP, onlyCall, startTestApi, type TestApi, tempKeys } from './helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let keys: LocalJwtKeys;
let otherKeys: LocalJwtKeys;
let removeKeys: Array<() => Promise<void>> = [];

beforeAll(async () => {
  const a = await tempKeys();
  const b = await tempKeys();
  keys = a.keys;
  otherKeys = b.keys;
  removeKeys = [a.remove, b.remove];
});

afterAll(async () => {
  await Promise.all(removeKeys.map((remove) => remove()));
});

async function withApi(
  routes: Parameters<typeof startTestApi>[0],
  behaviours: Parameters<typeof startTestApi>[1],
  test: (api: TestApi) => Promise<void>,
  extra: Parameters<typeof startTestApi>[3] = {},
): Promise<void> {
  const api = await startTestApi(routes, behaviours, keys, extra);
  try {
    await test(api);
  } finally {
    await api.close();
  }
}

/** Sends a hand-written HTTP/1.1 request (for things fetch normalises away) and returns the raw response. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('local HTTP API: routing and the 2.0 event', () => {
  it('turns a request into a payload 2.0 event for the matching route', async () => {
    await withApi([{ method: 'GET', path: '/evaluations/{id}', functionId: 'evaluation-get', auth: 'none' }], {}, async (api) => {
      const response = await fetch(`${api.url}/evaluations/ev%201?a=1&a=2&b=x+y&c=%20z`, {
        headers: { 'X-Custom': 'Yes', 'User-Agent': 'vitest-agent', Cookie: 'session=abc; theme=dark' },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ functionId: 'evaluation-get' });

      const { functionId, event, context, remainingAtStart } = onlyCall(api);
      expect(functionId).toBe('evaluation-get');
      expect(event).toMatchObject({
        version: '2.0',
        routeKey: 'GET /evaluations/{id}',
        rawPath: '/evaluations/ev%201',
        rawQueryString: 'a=1&a=2&b=x+y&c=%20z',
        cookies: ['session=abc', 'theme=dark'],
        queryStringParameters: { a: '1,2', b: 'x y', c: ' z' },
        pathParameters: { id: 'ev 1' },
        isBase64Encoded: false,
      });
      expect(event.body).toBeUndefined();
      expect(event.headers).toMatchObject({
        'x-custom': 'Yes',
        'user-agent': 'vitest-agent',
        host: `127.0.0.1:${api.port}`,
        'x-forwarded-for': '127.0.0.1',
        'x-forwarded-port': String(api.port),
        'x-forwarded-proto': 'http',
      });
      expect(event.headers).not.toHaveProperty('cookie');
      expect(event.headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);

      const rc = event.requestContext;
      expect(rc).toMatchObject({
        accountId: '000000000000',
        apiId: 'local',
        domainName: `127.0.0.1:${api.port}`,
        http: { method: 'GET', path: '/evaluations/ev%201', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest-agent' },
        routeKey: 'GET /evaluations/{id}',
        stage: '$default',
      });
      expect(rc.requestId).toMatch(UUID);
      expect(rc.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
      expect(Math.abs(rc.timeEpoch - Date.now())).toBeLessThan(10_000);
      expect(rc).not.toHaveProperty('authorizer');
      expect(response.headers.get('apigw-requestid')).toBe(rc.requestId);

      expect(context.functionName).toBe('evaluation-get');
      expect(context.awsRequestId).toMatch(UUID);
      expect(remainingAtStart).toBeGreaterThan(29_000);
      expect(remainingAtStart).toBeLessThanOrEqual(30_000);

      expect(api.logs).toHaveLength(1);
      expect(api.logs[0]).toMatch(/^GET \/evaluations\/ev%201 200 \d+ms$/);
    });
  });

  it('sends the most specific route: static, then {param}, then {proxy+}, then $default', async () => {
    const routes = [
      { method: 'GET', path: '/skp/current', functionId: 'static', auth: 'none' as const },
      { method: 'GET', path: '/skp/{id}', functionId: 'param', auth: 'none' as const },
      { method: 'ANY', path: '/skp/{proxy+}', functionId: 'greedy', auth: 'none' as const },
      { method: 'ANY', path: '$default', functionId: 'default', auth: 'none' as const },
    ];
    await withApi(routes, {}, async (api) => {
      const hit = async (method: string, path: string) => {
        const before = api.calls.length;
        const response = await fetch(`${api.url}${path}`, { method });
        expect(response.status).toBe(200);
        const call = api.calls[before]!;
        return [call.functionId, call.event.routeKey, call.event.pathParameters] as const;
      };
      expect(await hit('GET', '/skp/current')).toEqual(['static', 'GET /skp/current', undefined]);
      expect(await hit('GET', '/skp/42')).toEqual(['param', 'GET /skp/{id}', { id: '42' }]);
      expect(await hit('DELETE', '/skp/42')).toEqual(['greedy', 'ANY /skp/{proxy+}', { proxy: '42' }]);
      expect(await hit('GET', '/skp/42/rhk/7')).toEqual(['greedy', 'ANY /skp/{proxy+}', { proxy: '42/rhk/7' }]);
      expect(await hit('POST', '/anything/else')).toEqual(['default', '$default', undefined]);
    });
  });

  it('answers 404 {"message":"Not Found"} when no route matches, without invoking anything', async () => {
    await withApi([{ method: 'GET', path: '/skp', functionId: 'skp', auth: 'none' }], {}, async (api) => {
      for (const [method, path] of [
        ['GET', '/nope'],
        ['POST', '/skp'],
        ['GET', '/skp/'],
      ] as const) {
        const response = await fetch(`${api.url}${path}`, { method });
        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toBe('application/json');
        expect(await response.json()).toEqual({ message: 'Not Found' });
      }
      expect(api.calls).toHaveLength(0);
      expect(api.logs[0]).toMatch(/^GET \/nope 404 \d+ms$/);
    });
  });

  it('HEAD reaches HEAD and ANY routes only (not GET routes, as in API Gateway) and returns no body', async () => {
    const routes = [
      { method: 'GET', path: '/get-only', functionId: 'get-only', auth: 'none' as const },
      { method: 'ANY', path: '/any', functionId: 'any', auth: 'none' as const },
      { method: 'HEAD', path: '/head', functionId: 'head', auth: 'none' as const },
    ];
    const body = () => ({ statusCode: 200, headers: { 'x-kind': 'page' }, body: 'confirmation page' });
    await withApi(routes, { any: body, head: body, 'get-only': body }, async (api) => {
      expect((await fetch(`${api.url}/get-only`, { method: 'HEAD' })).status).toBe(404);
      expect(api.calls).toHaveLength(0);

      const viaAny = await fetch(`${api.url}/any`, { method: 'HEAD' });
      expect(viaAny.status).toBe(200);
      expect(viaAny.headers.get('x-kind')).toBe('page');
      expect(await viaAny.text()).toBe('');
      expect(api.calls[0]?.event.requestContext.http.method).toBe('HEAD');
      expect(api.calls[0]?.event.routeKey).toBe('ANY /any');

      expect((await fetch(`${api.url}/head`, { method: 'HEAD' })).status).toBe(200);
      expect(api.calls[1]?.event.routeKey).toBe('HEAD /head');
      expect((await fetch(`${api.url}/get-only`)).status).toBe(200);
    });
  });

  it('joins repeated request headers with commas (raw HTTP request)', async () => {
    await withApi([{ method: 'GET', path: '/h', functionId: 'h', auth: 'none' }], {}, async (api) => {
      const raw = await rawRequest(
        api.port,
        'GET /h HTTP/1.1\r\nHost: example.test\r\nX-Dup: one\r\nX-Dup: two\r\nCookie: a=1\r\nCookie: b=2\r\nConnection: close\r\n\r\n',
      );
      expect(raw.startsWith('HTTP/1.1 200')).toBe(true);
      const { event } = onlyCall(api);
      expect(event.headers['x-dup']).toBe('one,two');
      expect(event.cookies).toEqual(['a=1', 'b=2']);
      expect(event.requestContext.domainName).toBe('example.test');
    });
  });
});

describe('local HTTP API: request bodies', () => {
  const routes = [{ method: 'POST', path: '/upload', functionId: 'upload', auth: 'none' as const }];

  it('passes a JSON body as text', async () => {
    await withApi(routes, {}, async (api) => {
      const payload = { nip: NIP, catatan: 'Realisasi 100% — selesai' };
      await fetch(`${api.url}/upload`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(payload),
      });
      const { event } = onlyCall(api);
      expect(event.isBase64Encoded).toBe(false);
      expect(JSON.parse(event.body!)).toEqual(payload);
      expect(event.headers['content-type']).toBe('application/json; charset=utf-8');
    });
  });

  it('base64-encodes binary bodies (and form posts, as real HTTP APIs do)', async () => {
    await withApi(routes, {}, async (api) => {
      const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x0a]);
      await fetch(`${api.url}/upload`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: bytes });
      await fetch(`${api.url}/upload`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'action=approve&id=abc',
      });
      const [png, form] = api.calls;
      expect(png!.event.isBase64Encoded).toBe(true);
      expect(Buffer.from(png!.event.body!, 'base64')).toEqual(bytes);
      expect(form!.event.isBase64Encoded).toBe(true);
      expect(Buffer.from(form!.event.body!, 'base64').toString('utf8')).toBe('action=approve&id=abc');
    });
  });

  it('answers 413 above maxBodyBytes without invoking, and accepts a body of exactly the limit', async () => {
    await withApi(
      routes,
      {},
      async (api) => {
        const tooBig = await fetch(`${api.url}/upload`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(1025) });
        expect(tooBig.status).toBe(413);
        expect(await tooBig.json()).toEqual({ message: 'Request Entity Too Large' });
        expect(api.calls).toHaveLength(0);

        const chunked = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(400));
            controller.close();
          },
        });
        const streamed = await fetch(`${api.url}/upload`, { method: 'POST', body: chunked, duplex: 'half' } as RequestInit);
        expect(streamed.status).toBe(413);
        expect(api.calls).toHaveLength(0);

        const exact = await fetch(`${api.url}/upload`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(1024) });
        expect(exact.status).toBe(200);
        expect(onlyCall(api).event.body).toHaveLength(1024);
      },
      { maxBodyBytes: 1024 },
    );
  });

  it('uses a 1 MiB limit by default', async () => {
    await withApi(routes, {}, async (api) => {
      const big = await fetch(`${api.url}/upload`, { method: 'POST', body: new Uint8Array(1024 * 1024 + 1) });
      expect(big.status).toBe(413);
      const ok = await fetch(`${api.url}/upload`, { method: 'POST', body: new Uint8Array(1024 * 1024) });
      expect(ok.status).toBe(200);
    });
  });
});

describe('local HTTP API: JWT authorizer', () => {
  const routes = [
    { method: 'GET', path: '/me', functionId: 'me', auth: 'jwt' as const },
    { method: 'GET', path: '/public', functionId: 'public', auth: 'none' as const },
  ];
  const mint = (overrides: Partial<Parameters<typeof mintLocalToken>[1]> = {}, signer: LocalJwtKeys = keys) =>
    mintLocalToken(signer, { sub: NIP, roles: ['hr', 'employee'], agencyId: 'kec-asemrowo', ...overrides });

  it('passes a valid token\'s claims to the handler as strings, arrays as "[a b]"', async () => {
    await withApi(routes, {}, async (api) => {
      const token = await mint({ email: 'hr@asemrowo.go.id' });
      const response = await fetch(`${api.url}/me`, { headers: { Authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      const event = onlyCall(api).event as APIGatewayProxyEventV2WithJWTAuthorizer;
      const { claims, scopes } = event.requestContext.authorizer.jwt;
      expect(scopes).toBeNull();
      expect(claims).toMatchObject({
        sub: NIP,
        iss: 'http://127.0.0.1/local-cognito',
        aud: 'asn-kinerja',
        'cognito:groups': '[hr employee]',
        'custom:agencyId': 'kec-asemrowo',
        'custom:nip': NIP,
        token_use: 'id',
        email: 'hr@asemrowo.go.id',
        email_verified: 'true',
      });
      expect(claims.exp).toMatch(/^\d+$/);
      for (const value of Object.values(claims)) expect(typeof value).toBe('string');
      expect(event.headers.authorization).toBe(`Bearer ${token}`);
    });
  });

  it('accepts the token without the Bearer prefix, as the identity source allows', async () => {
    await withApi(routes, {}, async (api) => {
      const response = await fetch(`${api.url}/me`, { headers: { authorization: await mint({ roles: ['employee'] }) } });
      expect(response.status).toBe(200);
      const event = onlyCall(api).event as APIGatewayProxyEventV2WithJWTAuthorizer;
      expect(event.requestContext.authorizer.jwt.claims['cognito:groups']).toBe('[employee]');
    });
  });

  it('does not check tokens on open routes', async () => {
    await withApi(routes, {}, async (api) => {
      expect((await fetch(`${api.url}/public`, { headers: { authorization: 'Bearer garbage' } })).status).toBe(200);
      expect(onlyCall(api).event.requestContext).not.toHaveProperty('authorizer');
    });
  });

  const tamper = (token: string): string => {
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    claims['custom:agencyId'] = 'another-agency';
    return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
  };

  const es256WithOurKid = async (): Promise<string> => {
    const { privateKey } = await generateKeyPair('ES256');
    return new SignJWT({ 'cognito:groups': ['hr'] })
      .setProtectedHeader({ alg: 'ES256', kid: keys.kid })
      .setSubject(NIP)
      .setIssuer('http://127.0.0.1/local-cognito')
      .setAudience('asn-kinerja')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  };

  const rsaWithoutExp = async (): Promise<string> =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: keys.kid })
      .setSubject(NIP)
      .setIssuer('http://127.0.0.1/local-cognito')
      .setAudience('asn-kinerja')
      .setIssuedAt()
      .sign(await importJWK(keys.privateJwk, 'RS256'));

  const cases: Array<[string, () => Promise<Record<string, string>>, RegExp]> = [
    ['no Authorization header', async () => ({}), /^Bearer$/],
    ['an empty Bearer value', async () => ({ authorization: 'Bearer ' }), /^Bearer/],
    ['an expired token', async () => ({ authorization: `Bearer ${await mint({ now: new Date(Date.now() - 2 * 3600_000), expiresIn: '1h' })}` }), /expired/],
    ['a token issued in the future', async () => ({ authorization: `Bearer ${await mint({ now: new Date(Date.now() + 3600_000) })}` }), /future/],
    ['a wrong issuer', async () => ({ authorization: `Bearer ${await mint({ issuer: 'https://cognito-idp.ap-southeast-3.amazonaws.com/x' })}` }), /issuer/],
    ['a wrong audience', async () => ({ authorization: `Bearer ${await mint({ audience: 'another-client' })}` }), /audience/],
    ['a tampered payload', async () => ({ authorization: `Bearer ${tamper(await mint())}` }), /signature/],
    ['a token from another key', async () => ({ authorization: `Bearer ${await mint({}, otherKeys)}` }), /unknown key/],
    ['an ES256 token (API Gateway accepts RSA only)', async () => ({ authorization: `Bearer ${await es256WithOurKid()}` }), /algorithm/],
    ['a token without exp', async () => ({ authorization: `Bearer ${await rsaWithoutExp()}` }), /expiry/],
    ['garbage', async () => ({ authorization: 'Bearer not.a.jwt' }), /malformed/],
    ['another scheme', async () => ({ authorization: 'Basic dXNlcjpwYXNz' }), /malformed/],
  ];

  it.each(cases)('rejects %s with 401 {"message":"Unauthorized"} and does not invoke the handler', async (_name, headers, description) => {
    await withApi(routes, {}, async (api) => {
      const response = await fetch(`${api.url}/me`, { headers: await headers() });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: 'Unauthorized' });
      expect(response.headers.get('www-authenticate')).toMatch(description);
      expect(api.calls).toHaveLength(0);
      expect(api.logs[0]).toMatch(/^GET \/me 401 \d+ms$/);
    });
  });

  it('refuses to start with jwt routes but no jwt configuration, or with a private key as verifier', async () => {
    const { invoke } = { invoke: async () => 'x' };
    await expect(startLocalHttpApi({ routes, invoke, port: 0, log: () => {} })).rejects.toThrow(/need the `jwt` option/);
    await expect(
      startLocalHttpApi({ routes, invoke, port: 0, log: () => {}, jwt: { publicKey: keys.privateJwk, issuer: 'i', audience: 'a' } }),
    ).rejects.toThrow(/public key, not the private one/);
  });
});

describe('local HTTP API: handler results', () => {
  const routes = [{ method: 'ANY', path: '/r/{kind}', functionId: 'result', auth: 'none' as const }];
  const behaviours = {
    result: (event: { pathParameters?: Record<string, string | undefined> }) => {
      switch (event.pathParameters?.kind) {
        case 'string':
          return 'Hello from Lambda!';
        case 'object':
          return { message: 'Halo', count: 2 };
        case 'structured':
          return {
            statusCode: 303,
            headers: { Location: '/done', 'Cache-Control': 'no-store', 'X-Count': 7 },
            cookies: ['session=abc; HttpOnly; Path=/', 'theme=dark; Path=/'],
            body: '<p>See other</p>',
          };
        case 'binary':
          return {
            statusCode: 200,
            headers: { 'content-type': 'application/pdf' },
            body: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]).toString('base64'),
            isBase64Encoded: true,
          };
        case 'no-content':
          return { statusCode: 204 };
        case 'throws':
          throw new Error('database on fire');
        case 'bad':
          return { statusCode: 'two hundred' };
        default:
          return null;
      }
    },
  };

  it('maps a string to 200 application/json with the string as body', async () => {
    await withApi(routes, behaviours, async (api) => {
      const response = await fetch(`${api.url}/r/string`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.text()).toBe('Hello from Lambda!');
    });
  });

  it('maps an object without statusCode to 200 JSON', async () => {
    await withApi(routes, behaviours, async (api) => {
      const response = await fetch(`${api.url}/r/object`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toEqual({ message: 'Halo', count: 2 });
    });
  });

  it('uses statusCode, headers and cookies (one Set-Cookie each) of a structured result', async () => {
    await withApi(routes, behaviours, async (api) => {
      const response = await fetch(`${api.url}/r/structured`, { method: 'POST', redirect: 'manual' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/done');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-count')).toBe('7');
      expect(response.headers.getSetCookie()).toEqual(['session=abc; HttpOnly; Path=/', 'theme=dark; Path=/']);
      expect(await response.text()).toBe('<p>See other</p>');
    });
  });

  it('decodes a base64 response body and handles 204', async () => {
    await withApi(routes, behaviours, async (api) => {
      const pdf = await fetch(`${api.url}/r/binary`);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await pdf.arrayBuffer())).toEqual(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]));
      const empty = await fetch(`${api.url}/r/no-content`);
      expect(empty.status).toBe(204);
      expect(await empty.text()).toBe('');
    });
  });

  it('answers 500 {"message":"Internal Server Error"} when the handler throws, and logs the error', async () => {
    await withApi(routes, behaviours, async (api) => {
      const response = await fetch(`${api.url}/r/throws`);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ message: 'Internal Server Error' });
      expect(api.logs.some((line) => line.startsWith('ERROR result') && line.includes('database on fire'))).toBe(true);
      expect(api.logs.at(-1)).toMatch(/^GET \/r\/throws 500 \d+ms$/);
    });
  });

  it('answers 500 for a result API Gateway could not use', async () => {
    await withApi(routes, behaviours, async (api) => {
      const response = await fetch(`${api.url}/r/bad`);
      expect(response.status).toBe(500);
      expect(api.logs.some((line) => line.includes('statusCode must be an integer HTTP status'))).toBe(true);
    });
  });

  it('answers 503 when the handler outlives the integration timeout', async () => {
    await withApi(
      [{ method: 'GET', path: '/slow', functionId: 'slow', auth: 'none' }],
      { slow: () => new Promise((resolve) => setTimeout(() => resolve('late'), 400)) },
      async (api) => {
        const response = await fetch(`${api.url}/slow`);
        expect(response.status).toBe(503);
        expect(await response.json()).toEqual({ message: 'Service Unavailable' });
        expect(onlyCall(api).remainingAtStart).toBeLessThanOrEqual(50);
      },
      { integrationTimeoutMs: 50 },
    );
  });
});

describe('local HTTP API: lifecycle', () => {
  it('reports a port in use clearly, naming the port and LOCAL_HTTP_PORT', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const attempt = startLocalHttpApi({ routes: [], invoke: async () => null, port, log: () => {} });
      await expect(attempt).rejects.toBeInstanceOf(LocalHttpPortInUseError);
      await expect(startLocalHttpApi({ routes: [], invoke: async () => null, port, log: () => {} })).rejects.toThrow(
        new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use.*LOCAL_HTTP_PORT=`),
      );
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('picks a free port for port 0, and frees it on close (close is idempotent)', async () => {
    const api = await startLocalHttpApi({ routes: [], invoke: async () => null, port: 0, log: () => {} });
    expect(api.port).toBeGreaterThan(0);
    expect(api.url).toBe(`http://127.0.0.1:${api.port}`);
    expect((await fetch(`${api.url}/x`)).status).toBe(404);
    await Promise.all([api.close(), api.close()]);
    const again = await startLocalHttpApi({ routes: [], invoke: async () => null, port: api.port, log: () => {} });
    await again.close();
  });

  it('reads LOCAL_HTTP_PORT, defaulting to 3000 and rejecting non-ports', () => {
    expect(resolveLocalHttpPort({})).toBe(DEFAULT_LOCAL_HTTP_PORT);
    expect(resolveLocalHttpPort({ LOCAL_HTTP_PORT: '4100' })).toBe(4100);
    expect(resolveLocalHttpPort({ LOCAL_HTTP_PORT: '0' })).toBe(0);
    expect(() => resolveLocalHttpPort({ LOCAL_HTTP_PORT: 'abc' })).toThrow(/LOCAL_HTTP_PORT must be a port number/);
    expect(() => resolveLocalHttpPort({ LOCAL_HTTP_PORT: '70000' })).toThrow(/LOCAL_HTTP_PORT/);
  });
});
