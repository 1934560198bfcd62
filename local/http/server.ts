// The local HTTP API: a Node HTTP server that behaves like the deployed API Gateway HTTP API
// (payload format 2.0, JWT authorizer) and calls the same handlers through `invoke`.
//
// Per request: read the body (limit → 413) → pick the route (none → 404) → JWT check on `jwt`
// routes (fail → 401, handler not called) → build the 2.0 event and a Lambda context → invoke
// (throws → 500; slower than the integration timeout → 503) → map the result (payload 2.0 rules)
// → one log line `METHOD /path STATUS Nms`.
// The fidelity decisions and their sources are in the module comments of routes.ts, request.ts,
// response.ts, authorizer.ts and claims.ts, and summarised in README.md.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Context } from 'aws-lambda';
import type { PageAnswer, PageRequest } from '../oidc/types';
import { createJwtAuthorizer, type JwtAuthorizer, type JwtAuthorizerConfig, wwwAuthenticate } from './authorizer';
import { createLambdaContext } from './context';
import { buildEvent, type LocalHttpApiEvent, splitTarget } from './request';
import { mapLambdaResult } from './response';
import { type LocalRoute, RouteTable } from './routes';

export type { JwtAuthorizerConfig } from './authorizer';
export type { LocalHttpApiEvent } from './request';
export type { LocalRoute } from './routes';

export const DEFAULT_LOCAL_HTTP_PORT = 3000;
export const DEFAULT_LOCAL_HTTP_HOST = '127.0.0.1';
/** Local default. API Gateway itself accepts payloads up to 10 MB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** The HTTP API's maximum (and CDK's default) integration timeout. */
export const DEFAULT_INTEGRATION_TIMEOUT_MS = 30_000;
export const LOCAL_API_ID = 'local';
export const LOCAL_ACCOUNT_ID = '000000000000';

export interface LocalHttpApiOptions {
  routes: readonly LocalRoute[];
  /** Runs the handler of `functionId`; may return anything a Lambda handler returns. */
  invoke(functionId: string, event: LocalHttpApiEvent, context: Context): Promise<unknown>;
  /** 0 picks a free port. Default: $LOCAL_HTTP_PORT, else 3000. */
  port?: number;
  /** Default 127.0.0.1 (not reachable from other machines). */
  host?: string;
  /** Required when a route has `auth: 'jwt'`; a function of the server's URL when an issuer lives on it (local OIDC). */
  jwt?: JwtAuthorizerConfig | ((url: string) => JwtAuthorizerConfig);
  /**
   * Answers what is not a route of the table (local sign-in, the web app); undefined → 404. Never reached
   * for an API route, so an API path always behaves as API Gateway's.
   */
  pages?: (req: PageRequest) => Promise<PageAnswer | undefined>;
  /** Larger request bodies get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** A handler still running after this gets 503, as API Gateway answers. Default 30 s. */
  integrationTimeoutMs?: number;
  accountId?: string;
  /** Region in the context's invokedFunctionArn. Default $AWS_REGION, else ap-southeast-3. */
  region?: string;
  /** Receives one line per request, and handler errors. Default console.log. */
  log?: (line: string) => void;
}

export interface LocalHttpApi {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export class LocalHttpPortInUseError extends Error {
  override readonly name = 'LocalHttpPortInUseError';
  readonly code = 'EADDRINUSE';
  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    super(
      `Local HTTP API: port ${port} on ${host} is already in use (another local stack still running?). ` +
        `Stop the process holding it (\`lsof -i :${port}\` or \`ss -ltnp 'sport = :${port}'\` shows it), ` +
        `or pick another port: LOCAL_HTTP_PORT=${port === 65535 ? 3001 : port + 1} npm start (LOCAL_HTTP_PORT=0 takes any free port).`,
    );
  }
}

/** Reads LOCAL_HTTP_PORT (default 3000), failing clearly on a value that is not a port. */
export function resolveLocalHttpPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.LOCAL_HTTP_PORT;
  if (raw === undefined || raw.trim() === '') return DEFAULT_LOCAL_HTTP_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`LOCAL_HTTP_PORT must be a port number from 0 to 65535 (0 = any free port), got '${raw}'`);
  }
  return port;
}

const JSON_HEADERS = { 'content-type': 'application/json' } as const;

function sourceIpOf(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** Reads the whole body; past `limit` it keeps draining (so the client can read our 413) but stores nothing. */
function readBody(req: IncomingMessage, limit: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) tooLarge = true;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (tooLarge) {
        chunks.length = 0;
        // Do not drain an absurd upload forever: give up on the connection.
        if (size > Math.max(limit * 16, 64 * 1024 * 1024)) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge }));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('client closed the connection before sending the whole body'));
    });
  });
}

class IntegrationTimeout extends Error {}

export async function startLocalHttpApi(options: LocalHttpApiOptions): Promise<LocalHttpApi> {
  const table = new RouteTable(options.routes);
  const needsJwt = table.all.some((c) => c.route.auth === 'jwt');
  let authorize: JwtAuthorizer | undefined;
  if (options.jwt && typeof options.jwt !== 'function') authorize = await createJwtAuthorizer(options.jwt);
  else if (!options.jwt && needsJwt) {
    throw new Error('startLocalHttpApi: routes with auth "jwt" need the `jwt` option (publicKey, issuer, audience)');
  }
  const host = options.host ?? DEFAULT_LOCAL_HTTP_HOST;
  const requestedPort = options.port ?? resolveLocalHttpPort();
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
    throw new Error(`startLocalHttpApi: port must be an integer from 0 to 65535, got ${requestedPort}`);
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const timeoutMs = options.integrationTimeoutMs ?? DEFAULT_INTEGRATION_TIMEOUT_MS;
  const accountId = options.accountId ?? LOCAL_ACCOUNT_ID;
  const region = options.region ?? process.env.AWS_REGION ?? 'ap-southeast-3';
  const log = options.log ?? ((line: string) => console.log(line));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const now = new Date();
    const requestId = randomUUID();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const { rawPath } = splitTarget(url);

    const send = (statusCode: number, headers: Record<string, string | string[]>, body: Buffer | string): void => {
      const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      const out: Record<string, string | string[] | number> = { ...headers, 'apigw-requestid': requestId };
      const bodyless = statusCode === 204 || statusCode === 304 || statusCode < 200;
      if (!bodyless) out['content-length'] = payload.length;
      res.writeHead(statusCode, out);
      res.end(bodyless ? undefined : payload);
      log(`${method} ${rawPath} ${statusCode} ${Math.round(performance.now() - started)}ms`);
    };
    const sendMessage = (statusCode: number, message: string, extra: Record<string, string> = {}): void =>
      send(statusCode, { ...JSON_HEADERS, ...extra }, JSON.stringify({ message }));

    let body: Buffer;
    try {
      const read = await readBody(req, maxBodyBytes);
      if (read.tooLarge) return sendMessage(413, 'Request Entity Too Large');
      body = read.body;
    } catch {
      log(`${method} ${rawPath} client aborted ${Math.round(performance.now() - started)}ms`);
      return;
    }

    const match = table.match(method, rawPath);
    if (!match) {
      const answer = options.pages
        ? await options.pages({ method, rawPath, query: new URLSearchParams(splitTarget(url).rawQueryString ?? ''), headers: req.headers, body })
        : undefined;
      if (answer) return send(answer.status, answer.headers, answer.body);
      return sendMessage(404, 'Not Found');
    }
    const { compiled } = match;

    let jwt: { claims: Record<string, string>; scopes: null } | undefined;
    if (compiled.route.auth === 'jwt') {
      const header = req.headers.authorization;
      const check = await authorize!(header, now);
      if (!check.ok) return sendMessage(401, 'Unauthorized', { 'www-authenticate': wwwAuthenticate(check.description) });
      jwt = { claims: check.claims, scopes: check.scopes };
    }

    const event = buildEvent(
      {
        method,
        url,
        rawHeaders: req.rawHeaders,
        body,
        sourceIp: sourceIpOf(req),
        localPort: req.socket.localPort ?? 0,
        httpVersion: req.httpVersion,
      },
      {
        routeKey: compiled.routeKey,
        pathParameters: match.pathParameters,
        requestId,
        accountId,
        apiId: LOCAL_API_ID,
        now,
        ...(jwt ? { jwt } : {}),
      },
    );
    const functionId = compiled.route.functionId;
    const context = createLambdaContext({ functionName: functionId, timeoutMs, region, accountId });

    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        Promise.resolve().then(() => options.invoke(functionId, event, context)),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new IntegrationTimeout()), timeoutMs);
        }),
      ]);
      const mapped = mapLambdaResult(result);
      send(mapped.statusCode, mapped.headers, mapped.body);
    } catch (error) {
      if (error instanceof IntegrationTimeout) {
        log(`ERROR ${functionId} (request ${requestId}) did not answer within ${timeoutMs} ms`);
        return sendMessage(503, 'Service Unavailable');
      }
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`ERROR ${functionId} (request ${requestId}) failed: ${detail}`);
      sendMessage(500, 'Internal Server Error');
    } finally {
      clearTimeout(timer);
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`ERROR local HTTP API: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) {
        res.writeHead(500, JSON_HEADERS);
        res.end(JSON.stringify({ message: 'Internal Server Error' }));
      } else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') reject(new LocalHttpPortInUseError(requestedPort, host));
      else if (error.code === 'EACCES') {
        reject(new Error(`Local HTTP API: not allowed to listen on port ${requestedPort} on ${host}; use a port above 1023, e.g. LOCAL_HTTP_PORT=3000`));
      } else reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(requestedPort, host);
  });

  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  if (typeof options.jwt === 'function') {
    try {
      authorize = await createJwtAuthorizer(options.jwt(`http://${urlHost}:${port}`));
    } catch (err) {
      server.close();
      throw err;
    }
  }
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
