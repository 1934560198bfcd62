/**
 * DocumentRequests on Lambda: the documents function invoked asynchronously (InvocationType Event;
 * Lambda retries a failed run twice). The same call reaches the local stack's Lambda endpoint
 * (AWS_ENDPOINT_URL_LAMBDA). The SDK client is loaded on first use and left to the runtime
 * (infra/bundling.ts RUNTIME_SDK_MODULES), so no function pays for it at init.
 */
import type * as LambdaSdk from '@aws-sdk/client-lambda';
import type { DocumentRequests } from '../../application/ports';

let client: Promise<{ sdk: typeof LambdaSdk; client: LambdaSdk.LambdaClient }> | undefined;
const lambda = () => (client ??= import('@aws-sdk/client-lambda').then((sdk) => ({ sdk, client: new sdk.LambdaClient({ maxAttempts: 4 }) })));

export function lambdaDocumentRequests(functionName: () => string | undefined): DocumentRequests {
  return {
    async request(job) {
      const name = functionName();
      if (!name) return;
      const { sdk, client: c } = await lambda();
      await c.send(
        new sdk.InvokeCommand({ FunctionName: name, InvocationType: 'Event', Payload: new TextEncoder().encode(JSON.stringify({ documentJob: job })) }),
      );
    },
  };
}
