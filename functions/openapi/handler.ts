/**
 * `GET /openapi.json`: the OpenAPI 3.1 document, generated at build time from the route table and zod
 * schemas (functions/openapi/generate.ts, run by `cdk synth` and the local stack) and bundled as data.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import document from './openapi.json' with { type: 'json' };

const body = JSON.stringify(document);

export const handler = async (): Promise<APIGatewayProxyStructuredResultV2> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' },
  body,
});
