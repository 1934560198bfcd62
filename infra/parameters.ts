/**
 * Deployment parameters: read from CDK context (cdk.json "context", or `-c key=value`); a missing or
 * malformed one stops synth with the fix. Both stacks, the template tests and the local stack read them here.
 */
import type { App } from 'aws-cdk-lib';

export interface DeploymentParameters {
  /** The address emails come from; its domain must be the verified SES identity. */
  senderEmail: string;
  mailDomain: string;
  agencyId: string;
  /** Local time in Asia/Jakarta when the yearly cycle starts, e.g. 2027-01-02T08:00:00 (month, day, hour are used). */
  cycleStartDate: string;
  hrAlarmEmail: string;
  /**
   * Where Cognito may send the browser after sign-in and sign-out (authorization code grant with PKCE).
   * Required with Cognito; cdk.json carries a local value (http://localhost:5173/) for synth and the
   * local stack only: a deployment sets its app's origin.
   */
  signIn: { callbackUrls: string[]; logoutUrls: string[] };
  /**
   * Sign-in: absent → the stack's Cognito user pool; present → the agency's own OpenID Connect
   * provider (its SSO) behind the same JWT authorizer, with no user pool (and no Cognito cost).
   */
  identity?: ExternalIdentity;
  // --- web app and files (platform) ---
  web: WebParameters;
}

/** The web app's hosting and the files bucket (all optional in context). */
export interface WebParameters {
  /** `asn-kinerja:malwareProtection` = true: GuardDuty Malware Protection for S3 on the files bucket. */
  malwareProtection: boolean;
  /** The app's own origins besides CloudFront's (a custom domain): from `asn-kinerja:appOrigins`, else the callback URLs' origins. */
  appOrigins: string[];
  /** Cognito's managed-login domain prefix (`asn-kinerja:signInDomainPrefix`); default asn-kinerja-<agencyId>. */
  signInDomainPrefix: string;
}

/** Context keys of the web app and files bucket. */
export const WEB_KEYS = {
  malwareProtection: 'asn-kinerja:malwareProtection',
  appOrigins: 'asn-kinerja:appOrigins',
  signInDomainPrefix: 'asn-kinerja:signInDomainPrefix',
} as const;

/** The agency's OIDC provider and the names of the claims that carry the NIP, the agency and the roles. */
export interface ExternalIdentity {
  issuer: string;
  audience: string;
  claims: { nip: string; agencyId: string; roles: string };
}

/** Cognito's claim names (custom attributes and groups): the default. */
export const COGNITO_CLAIMS = { nip: 'custom:nip', agencyId: 'custom:agencyId', roles: 'cognito:groups' } as const;

type RequiredText = Exclude<keyof DeploymentParameters, 'identity' | 'signIn' | 'web'>;

const PARAMETER_KEYS: Record<RequiredText, string> = {
  senderEmail: 'asn-kinerja:senderEmail',
  mailDomain: 'asn-kinerja:mailDomain',
  agencyId: 'asn-kinerja:agencyId',
  cycleStartDate: 'asn-kinerja:cycleStartDate',
  hrAlarmEmail: 'asn-kinerja:hrAlarmEmail',
};

/** The app's sign-in and sign-out return addresses (Cognito only). */
export const SIGN_IN_KEYS = { callbackUrls: 'asn-kinerja:callbackUrls', logoutUrls: 'asn-kinerja:logoutUrls' } as const;

/** Optional: the agency's own OIDC provider instead of Cognito (issuer and audience together). */
const IDENTITY_KEYS = {
  issuer: 'asn-kinerja:oidcIssuer',
  audience: 'asn-kinerja:oidcAudience',
  nip: 'asn-kinerja:oidcClaimNip',
  agencyId: 'asn-kinerja:oidcClaimAgency',
  roles: 'asn-kinerja:oidcClaimRoles',
} as const;

export function readParameters(app: App): DeploymentParameters {
  const out = {} as Record<RequiredText, string>;
  const missing: string[] = [];
  for (const [field, key] of Object.entries(PARAMETER_KEYS) as [RequiredText, string][]) {
    const value = app.node.tryGetContext(key);
    if (typeof value !== 'string' || value.trim() === '') missing.push(key);
    else out[field] = value.trim();
  }
  if (missing.length) {
    throw new Error(`Missing deployment parameter(s): ${missing.join(', ')}. Set them in cdk.json "context" or pass -c ${missing[0]}=VALUE.`);
  }
  if (!out.senderEmail.endsWith(`@${out.mailDomain}`)) {
    throw new Error(`asn-kinerja:senderEmail (${out.senderEmail}) must be an address at asn-kinerja:mailDomain (${out.mailDomain}), the SES identity.`);
  }
  const identity = readIdentity(app);
  // With the agency's own provider, its sign-in redirects are configured there, not here.
  const signIn = identity
    ? { callbackUrls: [], logoutUrls: [] }
    : { callbackUrls: readUrls(app, SIGN_IN_KEYS.callbackUrls), logoutUrls: readUrls(app, SIGN_IN_KEYS.logoutUrls) };
  const web = readWeb(app, out.agencyId, signIn.callbackUrls);
  return identity ? { ...out, signIn, identity, web } : { ...out, signIn, web };
}

function readWeb(app: App, agencyId: string, callbackUrls: string[]): WebParameters {
  const flag = app.node.tryGetContext(WEB_KEYS.malwareProtection);
  const malwareProtection = flag === true || flag === 'true';
  const listed: unknown = app.node.tryGetContext(WEB_KEYS.appOrigins);
  const given = (Array.isArray(listed) ? listed : typeof listed === 'string' ? listed.split(',') : []).map((o) => String(o).trim()).filter(Boolean);
  const appOrigins = [...new Set((given.length ? given : callbackUrls).map((u) => new URL(u).origin))];
  for (const o of appOrigins) {
    if (!/^https:\/\/[^\s/]+$/.test(o) && !/^http:\/\/localhost(:\d+)?$/.test(o))
      throw new Error(`${WEB_KEYS.appOrigins}: "${o}" must be an https origin (or http://localhost for development).`);
  }
  const prefix = (app.node.tryGetContext(WEB_KEYS.signInDomainPrefix) as string | undefined)?.trim() || `asn-kinerja-${agencyId}`;
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(prefix) || /aws|amazon|cognito/.test(prefix))
    throw new Error(`${WEB_KEYS.signInDomainPrefix}: "${prefix}" must be lower-case letters, digits and hyphens, without aws/amazon/cognito (Cognito's rule).`);
  return { malwareProtection, appOrigins, signInDomainPrefix: prefix };
}

/**
 * A list of redirect URLs: a JSON array in cdk.json, or comma-separated with `-c`. Each must be https
 * (Cognito's rule), except http://localhost, which Cognito allows for development.
 */
function readUrls(app: App, key: string): string[] {
  const value: unknown = app.node.tryGetContext(key);
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const urls = list.map((u) => (typeof u === 'string' ? u.trim() : '')).filter(Boolean);
  if (!urls.length)
    throw new Error(
      `Missing deployment parameter ${key}: the app's URL(s), e.g. -c ${key}=https://kinerja.example.go.id/ (cdk.json holds http://localhost:5173/ for local use).`,
    );
  for (const url of urls) {
    if (!/^https:\/\/[^\s/]+/.test(url) && !/^http:\/\/localhost(:\d+)?(\/|$)/.test(url)) {
      throw new Error(`${key}: "${url}" must be an https URL (or http://localhost for development).`);
    }
  }
  return urls;
}

function readIdentity(app: App): ExternalIdentity | undefined {
  const get = (key: string) => {
    const v = app.node.tryGetContext(key);
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const issuer = get(IDENTITY_KEYS.issuer);
  const audience = get(IDENTITY_KEYS.audience);
  if (!issuer && !audience) return undefined;
  if (!issuer || !audience)
    throw new Error(
      `${IDENTITY_KEYS.issuer} and ${IDENTITY_KEYS.audience} go together: set both to sign in with the agency's OIDC provider, or neither for Cognito.`,
    );
  if (!/^https:\/\/[^\s/]+/.test(issuer))
    throw new Error(`${IDENTITY_KEYS.issuer} must be the provider's https issuer URL (as in its /.well-known/openid-configuration), got "${issuer}"`);
  return {
    issuer,
    audience,
    claims: { nip: get(IDENTITY_KEYS.nip) ?? 'nip', agencyId: get(IDENTITY_KEYS.agencyId) ?? 'agencyId', roles: get(IDENTITY_KEYS.roles) ?? 'roles' },
  };
}
