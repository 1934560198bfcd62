/** The document the openapi function bundles (functions/openapi/openapi.json) is the one the route table and schemas give. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_JSON, openApiJsonText } from '../../../functions/openapi/generate';

describe('functions/openapi/openapi.json', () => {
  it('is current (cdk synth and the local stack rewrite it; by hand: npm run openapi -- --write)', () => {
    expect(readFileSync(OPENAPI_JSON, 'utf8')).toBe(openApiJsonText());
  });
});
