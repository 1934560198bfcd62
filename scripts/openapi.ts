/**
 * `npm run openapi`: prints the OpenAPI 3.1 document (the one `GET /openapi.json` serves).
 * `npm run openapi -- --write`: writes it to functions/openapi/openapi.json, as `cdk synth` does.
 */
import { OPENAPI_JSON, openApiJsonText, writeOpenApiJson } from '../functions/openapi/generate';

if (process.argv.includes('--write')) {
  process.stdout.write(`${writeOpenApiJson() ? 'wrote' : 'unchanged:'} ${OPENAPI_JSON}\n`);
} else {
  process.stdout.write(openApiJsonText());
}
