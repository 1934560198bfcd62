/**
 * `GET /openapi.json`: the OpenAPI 3.1 document, generated at build time from the route table and zod
 * schemas (functions/openapi/generate.ts, run by `cdk synth` and the local stack) and bundled as data.
 * The path's ANY route (METHOD_FALLBACK_ROUTES) comes here too: any other method is 405 with `Allow: GET`.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { fallbackAnswer } from '../../shared/http/method-not-allowed';
import document from './openapi.json' with { type: 'json' };

const body = JSON.stringify(document);

export const handler = async (event?: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> =>
  (event && fallbackAnswer(event)) ?? {
    statusCode: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' },
    body,
  };
