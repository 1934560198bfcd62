/**
 * A local Lambda Invoke endpoint (AWS_ENDPOINT_URL_LAMBDA), so `@aws-sdk/client-lambda` works unchanged:
 * `POST /2015-03-31/functions/{name}/invocations` runs the named function's handler — synchronously
 * (RequestResponse) or in the background (Event, answered 202 at once, as Lambda does). A function is
 * named by its id in infra/functions.ts or by its deployed name `<stack>-<fixedName>`.
 * `idle()` resolves when no background invocation is running (tests and `npm start` wait on it).
 * Background invocations run in a worker thread per function (lambda-worker.ts): as in Lambda, their
 * CPU work (rendering PDFs) never holds up the HTTP API and the state machines of this process.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';

export interface LocalLambda {
  endpoint: string;
  port: number;
  /** Resolves once every background invocation (and those they started) has finished. */
  idle(): Promise<void>;
  /** Background invocations that failed (Lambda would retry them twice; here they are reported). */
  failures: { functionId: string; error: string }[];
  close(): Promise<void>;
}

export async function startLocalLambda(options: {
  resolve(name: string): string | undefined;
  invoke(functionId: string, event: unknown): Promise<unknown>;
  /** The entry module of a function, for its background worker; the environment it gets, once ready. */
  entryOf(functionId: string): string;
  environment(): Promise<NodeJS.ProcessEnv>;
  log?: (line: string) => void;
}): Promise<LocalLambda> {
  const running = new Set<Promise<unknown>>();
  const workers = new Map<string, Promise<{ worker: Worker; pending: Map<number, { resolve(): void; reject(e: Error): void }> }>>();
  let nextId = 0;
  const workerOf = (functionId: string) => {
    let w = workers.get(functionId);
    if (!w) {
      w = options.environment().then((env) => {
        const worker = new Worker(new URL('./lambda-worker.mjs', import.meta.url), {
          env,
          workerData: { entry: options.entryOf(functionId), functionId },
        });
        worker.unref();
        const pending = new Map<number, { resolve(): void; reject(e: Error): void }>();
        worker.on('message', (m: { id: number; ok: boolean; error?: string }) => {
          const p = pending.get(m.id);
          pending.delete(m.id);
          if (m.ok) p?.resolve();
          else p?.reject(new Error(m.error));
        });
        worker.on('error', (err) => {
          for (const p of pending.values()) p.reject(err);
          pending.clear();
          workers.delete(functionId);
        });
        return { worker, pending };
      });
      workers.set(functionId, w);
    }
    return w;
  };
  const inBackground = async (functionId: string, event: unknown) => {
    const { worker, pending } = await workerOf(functionId);
    const id = nextId++;
    await new Promise<void>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, event });
    });
  };
  const failures: LocalLambda['failures'] = [];
  const server = http.createServer((req, res) => {
    const m = /^\/2015-03-31\/functions\/([^/]+)\/invocations/.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const name = m ? decodeURIComponent(m[1]!).split(':function:').pop()!.split(':')[0]! : '';
      const functionId = m ? options.resolve(name) : undefined;
      if (req.method !== 'POST' || !functionId) {
        res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' });
        res.end(JSON.stringify({ Type: 'User', message: `Function not found: ${name}` }));
        return;
      }
      let event: unknown;
      try {
        event = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        res.writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'InvalidRequestContentException' });
        res.end(JSON.stringify({ Type: 'User', message: 'Could not parse request body into json' }));
        return;
      }
      if (req.headers['x-amz-invocation-type'] === 'Event') {
        const run = inBackground(functionId, event).catch((err: unknown) => {
          failures.push({ functionId, error: String((err as Error)?.stack ?? err) });
          options.log?.(`lambda ${functionId} (Event) failed: ${String(err)}`);
        });
        running.add(run);
        void run.finally(() => running.delete(run));
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end('');
        return;
      }
      options.invoke(functionId, event).then(
        (out) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(out ?? null));
        },
        (err: unknown) => {
          res.writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' });
          res.end(JSON.stringify({ errorType: (err as Error)?.name ?? 'Error', errorMessage: String((err as Error)?.message ?? err) }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    failures,
    async idle() {
      // A background invocation may start others (a job's next page): wait until none is left.
      while (running.size) await Promise.allSettled([...running]);
    },
    async close() {
      await Promise.allSettled([...running]);
      for (const w of workers.values()) await w.then(({ worker }) => worker.terminate()).catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
