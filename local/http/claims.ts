// How the HTTP API JWT authorizer hands a token's claims to a payload 2.0 integration.
//
// API Gateway passes `requestContext.authorizer.jwt.claims` as a flat map of STRINGS, whatever the
// JSON type in the token:
//   - string  → unchanged                         "custom:agencyId": "kec-asemrowo"
//   - number  → decimal text                      "exp": "1735689600"
//   - boolean → "true" / "false"                  "email_verified": "true"
//   - array   → "[" + items joined by ONE SPACE + "]", items unquoted
//                                                 "cognito:groups": "[hr employee]"
// The array form is what handlers receive from a real Cognito-backed HTTP API (it is Go's `%v`
// rendering of a list): a group name containing a space cannot be told apart from two groups, so
// group names must not contain spaces. Sources: AWS docs show claims only as strings; the
// "[a b]" form is reported by many projects that parse it (e.g. awsdocs/amazon-api-gateway-developer-guide#113
// for numbers-as-strings, aws-solutions-library-samples guidance-for-claude-code-with-amazon-bedrock#803
// for bracketed space-separated groups).
// Nested objects and null are rare in ID tokens and not documented; we render them the way Go's
// `%v` would (`map[k:v]`, `<nil>`) for consistency with the array form. Do not rely on them.
//
// Consequence for handlers (shared/auth): read `cognito:groups` as a string and parse "[a b]";
// accepting a real string[] as well costs nothing and keeps unit-test fixtures simple.

export type ApiGatewayClaims = Record<string, string>;

function renderValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(renderValue).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${key}:${renderValue((value as Record<string, unknown>)[key])}`);
    return `map[${entries.join(' ')}]`;
  }
  return String(value);
}

/** Renders a verified JWT payload the way API Gateway puts it in `authorizer.jwt.claims`. */
export function renderClaimsLikeApiGateway(payload: Record<string, unknown>): ApiGatewayClaims {
  const claims: ApiGatewayClaims = {};
  for (const [name, value] of Object.entries(payload)) claims[name] = renderValue(value);
  return claims;
}

/**
 * Reads a list claim as API Gateway delivers it ("[hr employee]"), also accepting a plain
 * string[] or a single bare value. Exported for tests and as a reference for shared/auth.
 */
export function parseApiGatewayListClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const trimmed = value.trim();
  const inner = trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
  return inner.split(/\s+/).filter((item) => item !== '');
}
