/**
 * One place where AWS SDK clients are made; handlers import these instead of constructing their own.
 *
 * DynamoDB is on every request's path: its client is made at init, and the deployed bundle carries
 * it (minified, tree-shaken — infra/bundling.ts). Step Functions is called by few invocations (a
 * stage hand-off, a released wait, a resumed cycle): `sfn` loads its SDK client on the first call, so
 * no function pays for it at init. The deployed bundle leaves `@aws-sdk/client-sfn` to the runtime's
 * own SDK (as it does SES and Secrets Manager, loaded the same way by shared/adapters/mail/ses.ts and
 * shared/adapters/links/link-keys.ts). Call sites read as they would with the SDK:
 *   `await sfn.send(new StartExecutionCommand({ … }))`, `err instanceof ExecutionAlreadyExists`.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type * as S3 from '@aws-sdk/client-s3';
import type * as Sfn from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const dynamoClient = new DynamoDBClient({ maxAttempts: 6 });
export const ddb = DynamoDBDocumentClient.from(dynamoClient, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

// ─── Step Functions, loaded on first use ───────────────────────────────────────────────────────────

type SfnCommandName = 'StartExecutionCommand' | 'DescribeExecutionCommand' | 'SendTaskSuccessCommand' | 'SendTaskFailureCommand' | 'SendTaskHeartbeatCommand';

/** A command's name and input; `sfn.send` makes the SDK's command of that name from it. */
abstract class LazySfnCommand<Input, Output> {
  abstract readonly command: SfnCommandName;
  /** Carries the output type only (never set). */
  declare readonly __output?: Output;
  constructor(readonly input: Input) {}
}
export class StartExecutionCommand extends LazySfnCommand<Sfn.StartExecutionCommandInput, Sfn.StartExecutionCommandOutput> {
  readonly command = 'StartExecutionCommand';
}
export class DescribeExecutionCommand extends LazySfnCommand<Sfn.DescribeExecutionCommandInput, Sfn.DescribeExecutionCommandOutput> {
  readonly command = 'DescribeExecutionCommand';
}
export class SendTaskSuccessCommand extends LazySfnCommand<Sfn.SendTaskSuccessCommandInput, Sfn.SendTaskSuccessCommandOutput> {
  readonly command = 'SendTaskSuccessCommand';
}
export class SendTaskFailureCommand extends LazySfnCommand<Sfn.SendTaskFailureCommandInput, Sfn.SendTaskFailureCommandOutput> {
  readonly command = 'SendTaskFailureCommand';
}
export class SendTaskHeartbeatCommand extends LazySfnCommand<Sfn.SendTaskHeartbeatCommandInput, Sfn.SendTaskHeartbeatCommandOutput> {
  readonly command = 'SendTaskHeartbeatCommand';
}

/** `err instanceof` checks by the error's name, which the SDK sets to the exception's name. */
function sfnException(name: string) {
  return class {
    static [Symbol.hasInstance](err: unknown): boolean {
      return (err as { name?: unknown } | null)?.name === name;
    }
  };
}
export const ExecutionAlreadyExists = sfnException('ExecutionAlreadyExists');
export const ExecutionDoesNotExist = sfnException('ExecutionDoesNotExist');

let sfnClient: Promise<Sfn.SFNClient> | undefined;
/** The SDK's SFNClient, made on first use (tests may mock `SFNClient` with aws-sdk-client-mock as usual). */
export function sfnClientInstance(): Promise<Sfn.SFNClient> {
  sfnClient ??= import('@aws-sdk/client-sfn').then(({ SFNClient }) => new SFNClient({ maxAttempts: 4 }));
  return sfnClient;
}

export const sfn = {
  async send<Input, Output>(command: LazySfnCommand<Input, Output>): Promise<Output> {
    const [sdk, client] = await Promise.all([import('@aws-sdk/client-sfn'), sfnClientInstance()]);
    const Command = sdk[command.command] as unknown as new (input: Input) => Parameters<Sfn.SFNClient['send']>[0];
    return (await client.send(new Command(command.input))) as Output;
  },
};

// ─── S3, loaded on first use, only in the functions that keep files ───────────────────────────────
// `@aws-sdk/client-s3` is left to the runtime's own SDK (infra/bundling.ts RUNTIME_SDK_MODULES) and
// imported here on first use, like Step Functions: bundled, it took the `files` function past the 600 KB
// budget (client-s3 ~100 KB and the XML protocol of @smithy/core). The presigner is bundled (it is not
// part of the runtime) and signs with the client it is given. No other function calls `s3Client`.

export interface S3Settings {
  /** An S3-compatible endpoint (the local stack's s3rver); undefined in AWS. Path-style addressing when set. */
  endpoint?: string;
}

/** The S3 SDK module (its commands), from the runtime in AWS. */
export const s3Sdk = () => import('@aws-sdk/client-s3');

let s3: Promise<S3.S3Client> | undefined;
/**
 * The S3 client, made once. Checksums only when an operation requires them: with the SDK's default
 * (`WHEN_SUPPORTED`) a presigned PUT carries `x-amz-checksum-crc32` of an empty body, which S3 then
 * compares with the uploaded file and rejects (aws/aws-sdk-js-v3#6810); s3rver does not speak the
 * flexible-checksum trailers either.
 */
export function s3Client(settings: S3Settings = {}): Promise<S3.S3Client> {
  s3 ??= s3Sdk().then(
    ({ S3Client }) =>
      new S3Client({
        maxAttempts: 4,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
      }),
  );
  return s3;
}
/** Tests: forget the client so the next call makes one with other settings. */
export function resetS3Client(): void {
  s3 = undefined;
}
