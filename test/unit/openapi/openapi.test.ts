/**
 * The generated OpenAPI 3.1 document: every route of the route table is in it with its method and
 * security; the document holds together structurally (no validator package is installed, so the
 * OpenAPI rules are checked here, and every schema is compiled by Ajv's JSON Schema 2020-12 dialect —
 * OpenAPI 3.1's); each example request body validates against its schema, the same way the handler's
 * zod schema judges it, and a deliberately broken one does not.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import pkg from '../../../package.json' with { type: 'json' };
import { parseRosterCsv } from '../../../shared/application/roster/roster-import';
import { API_DOCS, buildOpenApiDocument, checkApiDocs } from '../../../shared/http/openapi';
import { badRequest, problemResponse } from '../../../shared/http/problem';
import { ROUTES, type Route } from '../../../shared/http/routes';

type Json = Record<string, any>;
const doc = buildOpenApiDocument() as Json;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const operation = (r: Route) => doc.paths?.[r.path]?.[r.method.toLowerCase()] as Json | undefined;

function newAjv() {
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // The document's one extension keyword: items of an array unique by one property (JSON Schema's uniqueItems compares whole items).
  ajv.addKeyword({
    keyword: 'x-uniqueBy',
    type: 'array',
    schemaType: 'string',
    validate: (key: string, data: unknown[]) => new Set(data.map((x) => (x as Record<string, unknown>)?.[key])).size === data.length,
  });
  return ajv;
}
/** The document's component schemas as one strict 2020-12 schema's $defs, so $refs between them resolve. */
function componentValidator() {
  const ajv = newAjv();
  const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/'));
  ajv.addSchema({ $id: 'doc', $defs: defs });
  return (name: string) => {
    const v = ajv.getSchema(`doc#/$defs/${name}`);
    if (!v) throw new Error(`no schema ${name}`);
    return v;
  };
}

/** Every value under `node` with its JSON pointer. */
function* walk(node: unknown, pointer = ''): Generator<[string, unknown]> {
  yield [pointer, node];
  if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) yield* walk(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
}
function resolvePointer(pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((n, k) => n?.[k], doc);
}

describe('the route table in the document', () => {
  it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('%s is there with its method, function and security', (_key, r) => {
    const op = operation(r);
    expect(op, `${r.method} ${r.path}`).toBeDefined();
    expect(op!['x-function']).toBe(r.functionId);
    expect(op!.security).toEqual(r.auth === 'jwt' ? [{ cognitoJwt: [] }] : []);
    if (r.auth === 'jwt') expect(Object.keys(op!.responses)).toEqual(expect.arrayContaining(['401', '403']));
    expect(op!.summary).toMatch(/ — /); // Indonesian — English
  });

  it('has no operation the route table does not have', () => {
    const documented = Object.entries(doc.paths as Json).flatMap(([p, item]) =>
      Object.keys(item)
        .filter((m) => METHODS.includes(m))
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('refuses to build when the table and API_DOCS disagree', () => {
    const extra: Route = { method: 'DELETE', path: '/v1/cycles/{cycleId}', functionId: 'hr-api', auth: 'jwt' };
    expect(checkApiDocs([...ROUTES, extra])).toEqual(['DELETE /v1/cycles/{cycleId} has no entry in API_DOCS']);
    expect(() => buildOpenApiDocument([...ROUTES, extra])).toThrow(/has no entry in API_DOCS/);
    const flipped = ROUTES.map((r) => (r.path === '/openapi.json' ? { ...r, auth: 'jwt' as const } : r));
    expect(checkApiDocs(flipped)).toEqual(['GET /openapi.json: API_DOCS says none, ROUTES says jwt']);
    expect(checkApiDocs(ROUTES.filter((r) => r.path !== '/openapi.json'))).toEqual(['API_DOCS has GET /openapi.json, which is not in ROUTES']);
    expect(checkApiDocs()).toEqual([]);
  });
});

describe('a valid OpenAPI 3.1 document', () => {
  it('has the required top-level fields, the package version and bilingual text', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBe(pkg.version);
    expect(doc.info.description).toMatch(/pengelolaan kinerja/i);
    expect(doc.info.description).toMatch(/English/);
    const allowed = ['openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags', 'externalDocs'];
    expect(Object.keys(doc).filter((k) => !allowed.includes(k) && !k.startsWith('x-'))).toEqual([]);
    expect(doc.components.securitySchemes.cognitoJwt).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });

  it('declares every path template parameter exactly once, in path, required', () => {
    for (const [p, item] of Object.entries(doc.paths as Json)) {
      expect(p.startsWith('/')).toBe(true);
      const names = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const [m, op] of Object.entries(item as Json)) {
        if (!METHODS.includes(m)) continue;
        const params = (op.parameters as Json[]).map((x) => (x.$ref ? (resolvePointer(x.$ref.slice(1)) as Json) : x));
        const inPath = params.filter((x) => x.in === 'path');
        expect(inPath.map((x) => x.name).sort(), `${m} ${p}`).toEqual([...names].sort());
        expect(inPath.every((x) => x.required === true)).toBe(true);
        for (const x of params) {
          expect(['query', 'header', 'path', 'cookie']).toContain(x.in);
          expect(typeof x.name).toBe('string');
          expect('schema' in x !== 'content' in x).toBe(true); // exactly one of schema / content
        }
        const keys = params.map((x) => `${x.in}:${x.name}`);
        expect(new Set(keys).size, `${m} ${p} has a duplicate parameter`).toBe(keys.length);
      }
    }
  });

  it('has unique operationIds, valid responses, media types and security references', () => {
    const ids: string[] = [];
    for (const item of Object.values(doc.paths as Json)) {
      for (const [m, op] of Object.entries(item as Json)) {
        if (!METHODS.includes(m)) continue;
        ids.push(op.operationId);
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
        // 2xx, or 303 for a form POST that redirects (Post/Redirect/Get: the citizens' survey form).
        expect(Object.keys(op.responses).some((s) => /^2\d\d$|^303$/.test(s))).toBe(true);
        for (const [status, res] of Object.entries(op.responses as Json)) {
          expect(status).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
          expect(typeof res.description).toBe('string');
          for (const mt of Object.keys(res.content ?? {})) expect(mt).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
        }
        if (op.requestBody) {
          expect(Object.keys(op.requestBody.content)).toHaveLength(1);
          expect(['get', 'head'].includes(m)).toBe(false);
        }
        for (const req of op.security) for (const name of Object.keys(req)) expect(doc.components.securitySchemes).toHaveProperty(name);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[A-Za-z0-9_]+$/.test(id))).toBe(true);
  });

  it('answers errors as problem+json (HTML on the decision links) with the statuses that apply', () => {
    for (const r of ROUTES) {
      const op = operation(r)!;
      const statuses = Object.keys(op.responses).map(Number);
      expect(statuses).toContain(400);
      if (API_DOCS[`${r.method} ${r.path}`]!.body) expect(statuses).toContain(413);
      for (const s of statuses.filter((x) => x >= 400)) {
        const types = Object.keys(op.responses[s].content ?? {});
        // Every error of the JSON API is problem+json, the roster import's per-row report and its 503 included.
        expect(types, `${r.method} ${r.path} ${s}`).toContain(
          r.path.startsWith('/v1/decisions') || (r.auth === 'none' && API_DOCS[`${r.method} ${r.path}`]!.responseType === 'html')
            ? 'text/html'
            : 'application/problem+json',
        );
      }
      if (r.path.startsWith('/v1/decisions') && r.method !== 'HEAD') expect(Object.keys(op.responses['200'].content)).toEqual(['text/html']);
    }
    expect(Object.keys(operation(ROUTES.find((r) => r.path.endsWith('/skm') && r.auth === 'none')!)!.responses)).toContain('429');
  });

  it('resolves every $ref inside the document', () => {
    const refs = [...walk(doc)].filter(([p, v]) => p.endsWith('/$ref') && typeof v === 'string').map(([, v]) => v as string);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      expect(ref.startsWith('#/')).toBe(true);
      expect(resolvePointer(ref.slice(1)), ref).toBeDefined();
    }
  });

  it('compiles every schema (components, parameters, responses) as JSON Schema 2020-12, strictly', () => {
    const schemaOf = componentValidator();
    for (const name of Object.keys(doc.components.schemas)) expect(() => schemaOf(name)).not.toThrow();
    const ajv = newAjv();
    const inline = [...walk(doc.paths)].filter(([p]) => /\/schema$/.test(p) && !/\/schema\/properties\//.test(p)).map(([p, v]) => [p, v] as const);
    expect(inline.length).toBeGreaterThan(40);
    for (const [p, s] of inline) {
      if ((s as Json).$ref) continue;
      expect(() => ajv.compile(s as Json), p).not.toThrow();
    }
    expect(() => ajv.compile(doc.components.parameters.IdempotencyKey.schema)).not.toThrow();
  });

  it('describes the problem bodies the handlers really send', () => {
    const schemaOf = componentValidator();
    const validate = schemaOf('Problem');
    const body = JSON.parse(problemResponse(badRequest('Isian salah', 'Wrong input', [{ field: 'year', id: 'wajib', en: 'required' }]), '/v1/cycles').body!);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ title: 'x' })).toBe(false);
  });
});

describe('examples', () => {
  const withBody = ROUTES.filter((r) => API_DOCS[`${r.method} ${r.path}`]!.body);
  const schemaOf = componentValidator();

  /** Breaks a body in two ways: its first field of the wrong type, and the wrong type altogether. */
  function broken(example: unknown): unknown[] {
    if (typeof example === 'string') return [42, { csv: example }];
    const first = Object.keys(example as Json)[0]!;
    return [{ ...(example as Json), [first]: [[{}]] }, [example]];
  }

  it('the roster CSV example is one the importer accepts without a single row error', () => {
    const csv = API_DOCS['POST /v1/roster/import']!.body!.example as string;
    const parsed = parseRosterCsv(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.employees).toHaveLength(3);
    expect(parseRosterCsv(csv.replace('196805121990031005;Dr.', 'NIP-RUSAK;Dr.')).errors.length).toBeGreaterThan(0);
  });

  it('every route that takes a body has an example', () => {
    expect(withBody.length).toBeGreaterThanOrEqual(15);
    for (const r of withBody) expect(operation(r)!.requestBody.content[Object.keys(operation(r)!.requestBody.content)[0]!].example).toBeDefined();
  });

  it.each(withBody.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: the example validates against its schema and the handler’s zod schema; broken ones do not',
    (key, r) => {
      const body = API_DOCS[key]!.body!;
      const media = operation(r)!.requestBody.content as Json;
      const { schema, example } = Object.values(media)[0] as Json;
      expect(example).toEqual(body.example);
      const validate = schemaOf((schema.$ref as string).split('/').pop()!);
      expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
      const parsed = (body.schema as z.ZodType).safeParse(example);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      for (const bad of broken(example)) {
        expect(validate(bad), JSON.stringify(bad)).toBe(false);
        expect((body.schema as z.ZodType).safeParse(bad).success).toBe(false);
      }
    },
  );
});

describe('GET /openapi.json', () => {
  it('serves the document as JSON, cacheable for 5 minutes, without calling anything', async () => {
    const { handler } = await import('../../../functions/openapi/handler');
    const res = (await handler()) as APIGatewayProxyStructuredResultV2;
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' });
    expect(JSON.parse(res.body!)).toEqual(doc);
    expect((await handler()).body).toBe(res.body); // built once
  });
});

describe('cross-field rules are stated in the document', () => {
  it('self-assessment: each BerAKHLAK value once (x-uniqueBy), and the schema refuses a repeat as the handler does', () => {
    const schema = (doc.components.schemas as Json).SelfAssessment;
    expect(schema.properties.behaviour['x-uniqueBy']).toBe('value');
    const validate = componentValidator()('SelfAssessment');
    const twice = {
      behaviour: [
        { value: 'LOYAL', rating: 'SESUAI' },
        { value: 'LOYAL', rating: 'DI_ATAS' },
      ],
    };
    expect(validate(twice)).toBe(false);
    expect(validate({ behaviour: [{ value: 'LOYAL', rating: 'SESUAI' }] })).toBe(true);
  });
  it('the evaluation list: includeSubunits needs unitId (x-rules with dependentRequired, and in the description)', () => {
    const op = (doc.paths as Json)['/v1/cycles/{cycleId}/evaluations'].get;
    expect(op['x-rules']).toContainEqual(expect.objectContaining({ dependentRequired: { includeSubunits: ['unitId'] } }));
    expect(op.description).toMatch(/includeSubunits.*unitId/);
  });
});
