/**
 * The OpenAPI 3.1 document of the HTTP API, generated — never written by hand per route. Paths and
 * methods come from the route table (shared/http/routes.ts, the same table the CDK HTTP API and the local
 * server are built from); request schemas are the zod schemas the handlers parse with (shared/http/contract),
 * turned into JSON Schema 2020-12 by `z.toJSONSchema` (OpenAPI 3.1's own dialect). The one hand-kept part is
 * API_DOCS below: per route, a bilingual summary, the security, the success status, the schemas and
 * an example body. `buildOpenApiDocument` refuses to build when API_DOCS and ROUTES disagree.
 */
import * as z from 'zod';
import pkg from '../../package.json' with { type: 'json' };
import { API_DOCS, PATH_PARAMS, type RouteDoc, TAGS } from './api-docs';
import { IdempotencyKeySchema, MAX_BODY_BYTES, ProblemSchema } from './contract';
import { ROUTES, type Route } from './routes';

/** Kept so existing imports resolve: the table lives in ./api-docs.ts. */
export { API_DOCS, PATH_PARAMS, pathParamSchema, type RouteDoc, type RouteKey } from './api-docs';

// ─── shared response shapes ───────────────────────────────────────────────────────────────────────

/** RFC 9457 problem details as shared/http/problem.ts writes them (declared in the contract). */
export { ProblemSchema };

/** What API Gateway itself answers (authorizer 401, 413 over its limit, 429 throttling, 404 no route). */
const GatewayMessageSchema = z.object({ message: z.string() });

const STATUS_TEXT: Record<number, { id: string; en: string }> = {
  400: { id: 'Permintaan tidak valid (isian disebutkan di `errors`)', en: 'Bad input (fields listed in `errors`)' },
  401: { id: 'Token tidak ada, kedaluwarsa, atau tidak sah', en: 'Missing, expired or invalid token' },
  403: { id: 'Di luar cakupan akses Anda', en: 'Out of your scope' },
  404: { id: 'Tidak ditemukan', en: 'Not found' },
  409: { id: 'Tahap atau status tidak sesuai, atau kalah balapan perubahan', en: 'Wrong stage or status, or a lost race' },
  410: { id: 'Tautan kedaluwarsa', en: 'The link has expired' },
  413: { id: 'Isi permintaan terlalu besar', en: 'Request body too large' },
  503: {
    id: 'Belum selesai dalam batas waktu; kirim ulang permintaan yang sama (lihat Retry-After)',
    en: 'Not finished within the time budget; send the same request again (see Retry-After)',
  },
  422: { id: 'Melanggar aturan', en: 'A rule is broken' },
  429: { id: 'Terlalu banyak permintaan; lihat Retry-After', en: 'Too many requests; see Retry-After' },
};

/** What every path answers to a method it does not list (shared/http/method-not-allowed.ts). */
const METHOD_NOT_ALLOWED_TEXT = {
  id: 'Metode yang tidak tercantum untuk sebuah alamat di bawah (mis. `PATCH`, `DELETE`, `OPTIONS` pada alamat yang hanya `GET`) dijawab 405 Method Not Allowed berformat problem+json, dengan header `Allow` berisi metode yang didukung; dengan atau tanpa token, dan tanpa mengubah apa pun. Alamat yang tidak dikenal dijawab 404.',
  en: 'A method a path below does not list (e.g. `PATCH`, `DELETE`, `OPTIONS` on a `GET`-only path) is answered 405 Method Not Allowed as problem+json, with an `Allow` header naming the methods it supports; with or without a token, changing nothing. An unknown path is 404.',
};

// ─── building ─────────────────────────────────────────────────────────────────────────────────────

type Json = Record<string, unknown>;

const routeKey = (r: Pick<Route, 'method' | 'path'>) => `${r.method} ${r.path}`;

/** One zod schema as an embeddable JSON Schema (input side: what a client sends). */
function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  void _drop;
  if ('$defs' in rest) throw new Error('openapi: a parameter schema must not need $defs');
  return rest;
}

function operationId(r: Route): string {
  const words = r.path
    .replace(/[{}]/g, '')
    .split(/[/.-]+/)
    .filter(Boolean);
  return r.method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

function parameters(r: Route, doc: RouteDoc): Json[] {
  const out: Json[] = [];
  for (const [, name] of r.path.matchAll(/\{(\w+)\}/g)) {
    const schema = doc.params?.[name!] ?? PATH_PARAMS[name!];
    if (!schema) throw new Error(`openapi: no schema for path parameter ${name} of ${routeKey(r)}`);
    out.push({ name, in: 'path', required: true, schema: jsonSchema(schema) });
  }
  if (doc.query) {
    const q = jsonSchema(doc.query) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {})) {
      out.push({ name, in: 'query', required: (q.required ?? []).includes(name), schema });
    }
  }
  if (doc.idempotent) out.push({ $ref: '#/components/parameters/IdempotencyKey' });
  return out;
}

function successResponse(doc: RouteDoc, r: Route, responseRef?: string): Json {
  const description = `${doc.summary.id} — ${doc.summary.en}`;
  switch (doc.responseType ?? 'json') {
    case 'html':
      return { description, content: { 'text/html': { schema: { type: 'string' } } } };
    case 'csv':
      return { description, content: { 'text/csv': { schema: { type: 'string' } } } };
    case 'none':
      return { description };
    default:
      return {
        description,
        ...(r.path === '/openapi.json' || r.path.endsWith('/ikm')
          ? { headers: { 'Cache-Control': { schema: { type: 'string' }, description: 'public, max-age=300' } } }
          : {}),
        content: { 'application/json': { schema: responseRef ? { $ref: `#/components/schemas/${responseRef}` } : { type: 'object' } } },
      };
  }
}

function errorResponses(r: Route, doc: RouteDoc): Json {
  const statuses = new Set<number>([400, ...doc.errors]);
  if (r.auth === 'jwt') {
    statuses.add(401);
    statuses.add(403);
  }
  if (doc.body) statuses.add(413);
  // The decision links and the citizens' pages answer their errors as pages too.
  const html = doc.tag === 'decisions' || (doc.responseType === 'html' && doc.security === 'none');
  const out: Json = {};
  for (const status of [...statuses].sort((a, b) => a - b)) {
    const text = STATUS_TEXT[status];
    if (!text) throw new Error(`openapi: no description for status ${status}`);
    const description = `${text.id} — ${text.en}`;
    if (html) {
      // A 400 the router gives before the page's handler runs (a blank path parameter) is problem+json.
      const problem = status === 400 ? { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } : {};
      out[String(status)] = { description, content: { 'text/html': { schema: { type: 'string' } }, ...problem } };
      continue;
    }
    const retryAfter =
      status === 429 || status === 503 ? { headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 }, description: 'detik · seconds' } } } : {};
    const own = doc.errorBodies?.[status];
    if (own) {
      out[String(status)] = {
        description,
        ...retryAfter,
        content: { 'application/problem+json': { schema: { $ref: `#/components/schemas/${own.name}` } } },
      };
      continue;
    }
    const content: Json = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
    // These statuses may also come from API Gateway itself, before any handler runs.
    if (status === 401 || status === 413 || status === 429) content['application/json'] = { schema: { $ref: '#/components/schemas/GatewayMessage' } };
    out[String(status)] = {
      description,
      ...retryAfter,
      content,
    };
  }
  return out;
}

/** Checks API_DOCS against ROUTES: every route documented, nothing documented that is not routed, same security. */
export function checkApiDocs(routes: readonly Route[] = ROUTES, docs: Record<string, RouteDoc> = API_DOCS): string[] {
  const problems: string[] = [];
  const keys = new Set(routes.map(routeKey));
  for (const r of routes) {
    const doc = docs[routeKey(r)];
    if (!doc) {
      problems.push(`${routeKey(r)} has no entry in API_DOCS`);
      continue;
    }
    if ((doc.security === 'bearer') !== (r.auth === 'jwt')) problems.push(`${routeKey(r)}: API_DOCS says ${doc.security}, ROUTES says ${r.auth}`);
    if (doc.body && r.method !== 'POST' && r.method !== 'PUT') problems.push(`${routeKey(r)}: a ${r.method} has no body`);
  }
  for (const k of Object.keys(docs)) if (!keys.has(k)) problems.push(`API_DOCS has ${k}, which is not in ROUTES`);
  return problems;
}

export function buildOpenApiDocument(routes: readonly Route[] = ROUTES, docs: Record<string, RouteDoc> = API_DOCS): Json {
  const problems = checkApiDocs(routes, docs);
  if (problems.length) throw new Error(`openapi: the route table and API_DOCS disagree:\n- ${problems.join('\n- ')}`);

  // Request bodies and response shapes as components, through one registry so shared parts stay consistent.
  const registry = z.registry<{ id: string }>();
  const componentOf = new Map<z.ZodType, string>();
  const add = (schema: z.ZodType, id: string) => {
    const existing = componentOf.get(schema);
    if (existing) return existing;
    registry.add(schema, { id });
    componentOf.set(schema, id);
    return id;
  };
  add(ProblemSchema, 'Problem');
  add(GatewayMessageSchema, 'GatewayMessage');
  for (const r of routes) {
    const { body, errorBodies, response } = docs[routeKey(r)]!;
    if (body) add(body.schema, body.name);
    if (response) add(response.schema, response.name);
    for (const e of Object.values(errorBodies ?? {})) add(e.schema, e.name);
  }
  const generated = z.toJSONSchema(registry, { io: 'input', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` }).schemas;
  const schemas: Record<string, Json> = {};
  for (const [id, s] of Object.entries(generated)) {
    // The registry's $id ("#/components/…") is a fragment, which 2020-12 does not allow as an $id: the $ref does the job.
    const { $schema: _drop, $id: _id, ...rest } = s as Json;
    void _drop;
    void _id;
    schemas[id] = rest;
  }

  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const doc = docs[routeKey(r)]!;
    const operation: Json = {
      operationId: operationId(r),
      tags: [TAGS[doc.tag].name],
      summary: `${doc.summary.id} — ${doc.summary.en}`,
      description: [
        `${doc.summary.id}.`,
        ...(doc.rules?.length ? ['', 'Aturan:', ...doc.rules.map((x) => `- ${x.id}`)] : []),
        '',
        `*English:* ${doc.summary.en}.`,
        ...(doc.rules?.length ? ['', 'Rules:', ...doc.rules.map((x) => `- ${x.en}`)] : []),
      ].join('\n'),
      ...(doc.rules?.length ? { 'x-rules': doc.rules } : {}),
      security: doc.security === 'bearer' ? [{ cognitoJwt: [] }] : [],
      parameters: parameters(r, doc),
      ...(doc.body
        ? {
            requestBody: {
              required: true,
              description: `Maksimal ${doc.body.maxBytes ?? MAX_BODY_BYTES} byte · at most ${doc.body.maxBytes ?? MAX_BODY_BYTES} bytes`,
              content: {
                [doc.body.contentType ?? 'application/json']: {
                  schema: { $ref: `#/components/schemas/${componentOf.get(doc.body.schema)}` },
                  example: doc.body.example,
                },
              },
            },
          }
        : {}),
      responses: {
        [String(doc.success)]: successResponse(doc, r, doc.response && componentOf.get(doc.response.schema)),
        ...Object.fromEntries(
          Object.entries(doc.otherSuccess ?? {}).map(([status, d]) => [
            status,
            { ...successResponse(doc, r, doc.response && componentOf.get(doc.response.schema)), description: `${d.id} — ${d.en}` },
          ]),
        ),
        ...errorResponses(r, doc),
      },
      'x-function': r.functionId,
    };
    (paths[r.path] ??= {})[r.method.toLowerCase()] = operation;
  }

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'asn-kinerja API',
      version: pkg.version,
      summary: 'Pengelolaan kinerja ASN (PermenPAN-RB No. 6 Tahun 2022) · ASN performance management',
      description: [
        'API pengelolaan kinerja ASN: siklus tahunan, SKP, realisasi, umpan balik BerAKHLAK, penilaian, kalibrasi, keberatan, dan survei kepuasan masyarakat (SKM). Rute dengan JWT memakai token Cognito (grup `hr` atau `employee`; atasan dan pejabat penilai diturunkan dari struktur organisasi). Kesalahan berbentuk RFC 9457 `application/problem+json` dengan `detail` berbahasa Indonesia dan `detail_en`.',
        '',
        '*English:* the ASN performance management API: yearly cycles, SKP plans, progress, BerAKHLAK feedback, ratings, calibration, objections and the citizen satisfaction survey (SKM). JWT routes take a Cognito token (groups `hr` or `employee`; raters and approvers are derived from the org tree). Errors are RFC 9457 `application/problem+json` with `detail` in Bahasa Indonesia and `detail_en` in English.',
        '',
        `**405.** ${METHOD_NOT_ALLOWED_TEXT.id} (\`#/components/responses/MethodNotAllowed\`).`,
        '',
        `*English:* ${METHOD_NOT_ALLOWED_TEXT.en}`,
      ].join('\n'),
      license: { name: 'Proprietary' },
    },
    servers: [{ url: '/', description: 'API Gateway HTTP API (atau tumpukan lokal · or the local stack, `npm start`)' }],
    tags: Object.values(TAGS),
    paths,
    components: {
      securitySchemes: {
        cognitoJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'ID token Amazon Cognito (klaim `custom:nip`, `custom:agencyId`, `cognito:groups`) · Amazon Cognito ID token',
        },
      },
      responses: {
        // Not an operation's: the answer of every path below to a method it does not list (API Gateway's ANY route).
        MethodNotAllowed: {
          description: `${METHOD_NOT_ALLOWED_TEXT.id} — ${METHOD_NOT_ALLOWED_TEXT.en}`,
          headers: {
            Allow: { schema: { type: 'string', examples: ['GET, POST'] }, description: 'Metode yang didukung alamat ini · the methods this path supports' },
          },
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          schema: jsonSchema(IdempotencyKeySchema),
          description: 'Perubahan yang diulang dengan kunci sama dikenali sebagai ulangan · a change retried with the same key is recognised as a replay',
        },
      },
      schemas,
    },
  };
}
