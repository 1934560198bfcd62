/** `npm run openapi`: prints the OpenAPI 3.1 document (the one `GET /openapi.json` serves). */
import { buildOpenApiDocument } from '../shared/http/openapi';

process.stdout.write(`${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
