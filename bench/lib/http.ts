/**
 * A lean HTTP client for the bulk driver: node:http with keep-alive sockets (fetch/undici costs more
 * CPU per request, and the driver shares the Node process with the handlers it drives). A request that
 * meets a socket the server closed between requests is sent again once; every write the driver sends
 * carries an Idempotency-Key, so a repeat is recognised by the API as a replay.
 */
import http from 'node:http';

export interface HttpResult {
  status: number;
  text: string;
  ms: number;
}

export class HttpClient {
  readonly agent: http.Agent;
  requests = 0;
  resent = 0;
  constructor(maxSockets = 64) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets, keepAliveMsecs: 1000 });
  }

  async request(method: string, url: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<HttpResult> {
    try {
      return await this.once(method, url, options);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ECONNRESET' && code !== 'EPIPE' && code !== 'ECONNREFUSED') throw err;
      this.resent++;
      return this.once(method, url, options);
    }
  }

  private once(method: string, url: string, options: { headers?: Record<string, string>; body?: string }): Promise<HttpResult> {
    this.requests++;
    const started = performance.now();
    const u = new URL(url);
    return new Promise((resolve, reject) => {
      const body = options.body;
      const req = http.request(
        {
          host: u.hostname,
          port: u.port,
          path: `${u.pathname}${u.search}`,
          method,
          agent: this.agent,
          headers: { ...(options.headers ?? {}), ...(body !== undefined ? { 'content-length': Buffer.byteLength(body) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
