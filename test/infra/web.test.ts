/**
 * The web app's hosting and the files bucket in the synthesized templates (infra/constructs/web-hosting.ts,
 * files-bucket.ts, web-sign-in.ts), and cdk-nag (AwsSolutions) over both stacks: a finding that is neither
 * fixed nor acknowledged with its reason (infra/nag.ts) fails synth, as it does in `cdk synth`.
 */
import { readFileSync } from 'node:fs';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { SPA_FALLBACK_CODE } from '../../infra/constructs/web-hosting';
import { buildStacks, readParameters } from '../../infra/stacks';

const context = JSON.parse(readFileSync('cdk.json', 'utf8')).context as Record<string, unknown>;

function synth(overrides: Record<string, unknown> = {}, nag = false) {
  const app = new App({ context: { ...context, ...overrides, 'aws:cdk:bundling-stacks': [] } });
  const stacks = buildStacks(app, readParameters(app));
  if (nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const assembly = app.synth();
  return { stacks, stateful: Template.fromStack(stacks.stateful), stateless: Template.fromStack(stacks.stateless), assembly };
}

let stateless: Template;
beforeAll(() => {
  ({ stateless } = synth());
});

const flat = (v: unknown) => JSON.stringify(v);

describe('files bucket (evidence/, documents/)', () => {
  const files = () => {
    const [, b] = Object.entries(stateless.findResources('AWS::S3::Bucket')).find(([id]) => id.startsWith('FilesBucket'))!;
    return (b as any).Properties;
  };
  it('is private, encrypted with the data key, versioned, TLS-only, logged, retained', () => {
    const [id, b] = Object.entries(stateless.findResources('AWS::S3::Bucket')).find(([i]) => i.startsWith('FilesBucket'))! as [string, any];
    expect(b.DeletionPolicy).toBe('Retain');
    expect(b.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: 'Enabled' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { LogFilePrefix: 'files-bucket/' },
    });
    expect(b.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0]).toMatchObject({
      BucketKeyEnabled: true,
      ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: expect.anything() },
    });
    const policy = Object.values(stateless.findResources('AWS::S3::BucketPolicy')).find((p: any) => flat(p.Properties.Bucket).includes(id)) as any;
    expect(flat(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
  });
  it('expires noncurrent versions after 90 days and aborts incomplete multipart uploads after a day', () => {
    expect(files().LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 90 }, Status: 'Enabled' }),
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
      ]),
    );
  });
  it('allows CORS from the app’s origins only: CloudFront’s URL and the context origins; PUT/GET/HEAD', () => {
    const [rule] = files().CorsConfiguration.CorsRules;
    expect(rule.AllowedMethods.sort()).toEqual(['GET', 'HEAD', 'PUT']);
    expect(rule.AllowedOrigins).toHaveLength(2);
    expect(flat(rule.AllowedOrigins[0])).toContain('DomainName');
    expect(rule.AllowedOrigins[1]).toBe('http://localhost:5173');
    expect(flat(rule)).not.toContain('"*"');
    const custom = synth({ 'asn-kinerja:appOrigins': 'https://kinerja.example.go.id' }).stateless;
    const [, b] = Object.entries(custom.findResources('AWS::S3::Bucket')).find(([i]) => i.startsWith('FilesBucket'))! as [string, any];
    expect(b.Properties.CorsConfiguration.CorsRules[0].AllowedOrigins[1]).toBe('https://kinerja.example.go.id');
  });
  it('gives FILES_BUCKET to the files and documents functions only, and S3 rights on evidence/ to the files function only', () => {
    const fns = Object.values(stateless.findResources('AWS::Lambda::Function')) as any[];
    const withBucket = fns.filter((f) => f.Properties.Environment?.Variables?.FILES_BUCKET).map((f) => f.Properties.Environment.Variables.FUNCTION_ID);
    expect(withBucket.sort()).toEqual(['documents', 'files']);
    const policies = Object.values(stateless.findResources('AWS::IAM::Policy')) as any[];
    const s3Statements = policies
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((st: any) => [st.Action].flat().some((a: string) => a.startsWith('s3:')));
    const fnStatements = s3Statements.filter((st: any) => flat(st.Resource).includes('/evidence/*'));
    expect(fnStatements).toHaveLength(1);
    expect([fnStatements[0].Action].flat().sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
  });
  it('has no malware scanning unless asked; with asn-kinerja:malwareProtection=true, GuardDuty scans evidence/ and documents/ and tagged threats are never served', () => {
    stateless.resourceCountIs('AWS::GuardDuty::MalwareProtectionPlan', 0);
    const scanned = synth({ 'asn-kinerja:malwareProtection': 'true' }).stateless;
    scanned.hasResourceProperties('AWS::GuardDuty::MalwareProtectionPlan', {
      ProtectedResource: { S3Bucket: { ObjectPrefixes: ['evidence/', 'documents/'] } },
      Actions: { Tagging: { Status: 'ENABLED' } },
    });
    const policies = Object.values(scanned.findResources('AWS::S3::BucketPolicy')) as any[];
    expect(flat(policies)).toContain('"s3:ExistingObjectTag/GuardDutyMalwareScanStatus":"THREATS_FOUND"');
  });
});

describe('CloudFront: the app and the API on one origin', () => {
  const distribution = () => (Object.values(stateless.findResources('AWS::CloudFront::Distribution'))[0] as any).Properties.DistributionConfig;
  it('serves the app from a private bucket through origin access control, HTTPS only', () => {
    stateless.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const d = distribution();
    expect(d.DefaultRootObject).toBe('index.html');
    expect(d.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(d.Logging).toMatchObject({ Prefix: 'cloudfront/' });
    const s3Origin = d.Origins.find((o: any) => o.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toBeDefined();
  });
  it('sends /v1/* and /openapi.json to the HTTP API: every method, no caching, every viewer header but Host', () => {
    const d = distribution();
    const byPath = Object.fromEntries(d.CacheBehaviors.map((b: any) => [b.PathPattern, b]));
    for (const p of ['/v1/*', '/openapi.json']) {
      expect(byPath[p]).toMatchObject({
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
        OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
        ViewerProtocolPolicy: 'https-only',
      });
    }
    const apiOrigin = d.Origins.find((o: any) => o.CustomOriginConfig);
    expect(flat(apiOrigin.DomainName)).toContain('execute-api');
  });
  it('falls back to /index.html for extensionless paths (a CloudFront Function on viewer requests)', () => {
    const fn = (Object.values(stateless.findResources('AWS::CloudFront::Function'))[0] as any).Properties;
    expect(fn.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(distribution().DefaultCacheBehavior.FunctionAssociations[0].EventType).toBe('viewer-request');
    const handler = new Function(`${SPA_FALLBACK_CODE}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
    expect(handler({ request: { uri: '/siklus/kec-asemrowo-2026/skp' } }).uri).toBe('/index.html');
    expect(handler({ request: { uri: '/assets/app.0123abcd.js' } }).uri).toBe('/assets/app.0123abcd.js');
    expect(handler({ request: { uri: '/config.json' } }).uri).toBe('/config.json');
  });
  it('sets a strict CSP and the security headers on the app', () => {
    const policies = (Object.values(stateless.findResources('AWS::CloudFront::ResponseHeadersPolicy')) as any[]).map(
      (p) => p.Properties.ResponseHeadersPolicyConfig,
    );
    const app = policies.find((p) => p.SecurityHeadersConfig.ContentSecurityPolicy.Override)!;
    const csp = flat(app.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    for (const d of ["script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", 'upgrade-insecure-requests'])
      expect(csp).toContain(d);
    expect(csp).toContain('https://cognito-idp.');
    expect(csp).toContain('.auth.ap-southeast-3.amazoncognito.com');
    expect(csp).toContain('asn-kinerja-kec-asemrowo-files-'); // the files bucket, for presigned PUT and GET
    expect(csp).toContain('.s3.ap-southeast-3.');
    expect(csp).not.toContain('unsafe-inline');
    expect(app.SecurityHeadersConfig).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Preload: true, Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    });
    // The API's own pages keep their CSP (decision links, the HR report).
    expect(policies.some((p) => p.SecurityHeadersConfig.ContentSecurityPolicy.Override === false)).toBe(true);
  });
  it('deploys /config.json with the Cognito authority and the web client; links in emails use CloudFront’s URL', () => {
    const deployments = Object.values(stateless.findResources('Custom::CDKBucketDeployment')) as any[];
    expect(deployments).toHaveLength(2);
    const text = flat(stateless.toJSON());
    expect(text).toContain('config.json');
    const fns = Object.values(stateless.findResources('AWS::Lambda::Function')) as any[];
    const evaluation = fns.find((f) => f.Properties.Environment?.Variables?.FUNCTION_ID === 'evaluation-api');
    expect(flat(evaluation.Properties.Environment.Variables.PUBLIC_BASE_URL)).toContain('DomainName');
  });
});

describe('web sign-in (Cognito managed login)', () => {
  const webClient = (t: Template) =>
    (Object.values(t.findResources('AWS::Cognito::UserPoolClient')) as any[]).find((c) => flat(c.Properties.CallbackURLs).includes('/auth/callback'))!
      .Properties;
  it('a public client with code + PKCE only, callback URLs from context plus CloudFront’s, on a managed-login domain', () => {
    const c = webClient(stateless);
    expect(c).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ['COGNITO'],
    });
    expect(c.AllowedOAuthScopes.sort()).toEqual(['email', 'openid', 'profile']);
    expect(c.CallbackURLs.slice(0, 1)).toEqual(context['asn-kinerja:callbackUrls']);
    expect(flat(c.CallbackURLs.slice(1))).toContain('DomainName');
    expect(c.CallbackURLs).toHaveLength(3);
    expect(c.LogoutURLs).toHaveLength(2);
    stateless.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'asn-kinerja-kec-asemrowo', ManagedLoginVersion: 2 });
    stateless.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
    const deployed = synth({
      'asn-kinerja:callbackUrls': 'https://kinerja.example.go.id/',
      'asn-kinerja:logoutUrls': 'https://kinerja.example.go.id/',
    }).stateless;
    expect(webClient(deployed).CallbackURLs[0]).toBe('https://kinerja.example.go.id/');
  });
  it('the API’s JWT authorizer accepts the web client’s tokens', () => {
    const authorizer = (Object.values(stateless.findResources('AWS::ApiGatewayV2::Authorizer'))[0] as any).Properties;
    expect(authorizer.JwtConfiguration.Audience).toHaveLength(2);
  });
  it('with the agency’s OIDC provider: no Cognito client or domain; config.json and the CSP name the issuer', () => {
    const oidc = synth({
      'asn-kinerja:oidcIssuer': 'https://sso.surabaya.go.id/realms/asn',
      'asn-kinerja:oidcAudience': 'kinerja-web',
      'asn-kinerja:callbackUrls': undefined,
      'asn-kinerja:logoutUrls': undefined,
    }).stateless;
    oidc.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
    oidc.resourceCountIs('AWS::Cognito::UserPoolDomain', 0);
    const text = flat(oidc.toJSON());
    expect(text).toContain('https://sso.surabaya.go.id/realms/asn');
    expect(text).toContain('kinerja-web');
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  it('both stacks synthesize with every finding fixed or acknowledged with its reason', () => {
    expect(() => synth({}, true)).not.toThrow();
  });
  it('the same with malware protection on', () => {
    expect(() => synth({ 'asn-kinerja:malwareProtection': 'true' }, true)).not.toThrow();
  });
});
