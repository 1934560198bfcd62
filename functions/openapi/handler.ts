/** `GET /openapi.json`: the OpenAPI 3.1 document, generated once per cold start from the route table and zod schemas. */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { buildOpenApiDocument } from '../../shared/http/openapi';

const body = JSON.stringify(buildOpenApiDocument());

export const handler = async (): Promise<APIGatewayProxyStructuredResultV2> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' },
  body,
});
