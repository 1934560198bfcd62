/**
 * Build step: writes the OpenAPI document that `GET /openapi.json` serves (functions/openapi/openapi.json)
 * from the route table and the zod schemas (shared/http/openapi.ts). `cdk synth` (infra/app.ts) and the
 * local stack (local/stack.ts) run it before bundling or loading the handler, so the function
 * ships the document as data: no zod, no route table, no handler modules in its bundle, nothing built
 * at init. The file is committed so a fresh checkout type-checks and tests; test/unit/openapi checks it
 * is current. By hand: `npm run openapi -- --write`.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../../shared/http/openapi';

export const OPENAPI_JSON = fileURLToPath(new URL('./openapi.json', import.meta.url));

export function openApiJsonText(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}

/** Writes the document if it changed; true when it did. */
export function writeOpenApiJson(file = OPENAPI_JSON): boolean {
  const text = openApiJsonText();
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) return false;
  // Atomically: a local stack or test run may read the file while another writes it.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
  return true;
}
