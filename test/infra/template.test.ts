/**
 * Assertions on the synthesized templates: what a security reviewer and an operator rely on.
 * Bundling is skipped (context aws:cdk:bundling-stacks = []), so this runs in about a second.
 */
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../infra/functions';
import { buildStacks, readParameters } from '../../infra/stacks';
import { METHOD_FALLBACK_ROUTES, ROUTES } from '../../shared/http/routes';

const context = JSON.parse(readFileSync('cdk.json', 'utf8')).context as Record<string, unknown>;

function synth(overrides: Record<string, unknown> = {}) {
  const app = new App({ context: { ...context, ...overrides, 'aws:cdk:bundling-stacks': [] } });
  const stacks = buildStacks(app, readParameters(app));
  return { stateful: Template.fromStack(stacks.stateful), stateless: Template.fromStack(stacks.stateless) };
}

let stateful: Template;
let stateless: Template;
let asl: any;
beforeAll(() => {
  ({ stateful, stateless } = synth());
  const [, sm] = Object.entries(stateless.findResources('AWS::StepFunctions::StateMachine'))[0]!;
  const def = (sm as any).Properties.DefinitionString;
  // Join the Fn::Join parts with placeholders for tokens: enough to read the states.
  const text = typeof def === 'string' ? def : def['Fn::Join'][1].map((p: unknown) => (typeof p === 'string' ? p : 'TOKEN')).join('');
  asl = JSON.parse(text);
});

function allStates(def: any): [string, any][] {
  return Object.entries(def.States as Record<string, any>).flatMap(([name, s]) => [
    [name, s] as [string, any],
    ...(s.Branches ?? []).flatMap((b: any) => allStates(b)),
    ...(s.Iterator ? allStates(s.Iterator) : s.ItemProcessor ? allStates(s.ItemProcessor) : []),
  ]);
}

describe('stateful stack', () => {
  it('keeps the table: point-in-time recovery, deletion protection, customer-managed key, retained', () => {
    stateful.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        SSESpecification: Match.objectLike({ SSEEnabled: true, SSEType: 'KMS' }),
        Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true })],
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      }),
    });
  });
  it('rotates its KMS key and encrypts the link-signing secret with it', () => {
    stateful.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    stateful.hasResourceProperties('AWS::SecretsManager::Secret', { KmsKeyId: Match.anyValue() });
  });
  it('requires MFA and a strong password policy in the user pool', () => {
    stateful.hasResourceProperties(
      'AWS::Cognito::UserPool',
      Match.objectLike({ MfaConfiguration: 'ON', Policies: Match.objectLike({ PasswordPolicy: Match.objectLike({ MinimumLength: 12 }) }) }),
    );
  });
});

// Issue 12, finding 4: claims are trusted only when nobody can write them.
describe('Cognito: claims nobody can write, only the OAuth flow the app uses', () => {
  const client = () => {
    const clients = Object.values(stateful.findResources('AWS::Cognito::UserPoolClient')) as any[];
    expect(clients).toHaveLength(1);
    return clients[0].Properties;
  };

  it('makes every custom attribute the API authorizes with (custom:agencyId, custom:nip) immutable', () => {
    const [pool] = Object.values(stateful.findResources('AWS::Cognito::UserPool')) as any[];
    const schema = pool.Properties.Schema as any[];
    for (const name of ['agencyId', 'nip']) {
      expect(
        schema.find((a) => a.Name === name),
        name,
      ).toMatchObject({ Mutable: false });
    }
    // And so every claim a function reads from the token (JWT_CLAIM_*) that is a custom attribute.
    expect(schema.filter((a) => a.Mutable !== false).map((a) => a.Name)).toEqual([]);
  });

  it('lets the app client write only standard, user-owned attributes (never a custom claim, email or phone)', () => {
    const writes = client().WriteAttributes as string[];
    expect(writes).toBeDefined();
    expect(writes.filter((a) => a.startsWith('custom:'))).toEqual([]);
    expect([...writes].sort()).toEqual(['family_name', 'given_name', 'locale', 'name']);
  });

  it('uses the authorization code grant only, as a public client (no secret, no implicit grant, no admin scope)', () => {
    const c = client();
    expect(c.AllowedOAuthFlows).toEqual(['code']);
    expect(c.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(c.GenerateSecret).toBe(false);
    expect(c.AllowedOAuthScopes).not.toContain('aws.cognito.signin.user.admin');
    expect([...c.AllowedOAuthScopes].sort()).toEqual(['email', 'openid', 'profile']);
    expect(c.ExplicitAuthFlows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
  });

  it('takes callback and logout URLs from deployment context (never example.com)', () => {
    expect(client().CallbackURLs).toEqual(context['asn-kinerja:callbackUrls']);
    expect(client().LogoutURLs).toEqual(context['asn-kinerja:logoutUrls']);
    const t = synth({
      'asn-kinerja:callbackUrls': 'https://kinerja.example.go.id/,https://kinerja.example.go.id/callback',
      'asn-kinerja:logoutUrls': ['https://kinerja.example.go.id/'],
    });
    t.stateful.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://kinerja.example.go.id/', 'https://kinerja.example.go.id/callback'],
      LogoutURLs: ['https://kinerja.example.go.id/'],
    });
  });

  it('stops synth without callback URLs, or with one that is neither https nor localhost', () => {
    expect(() => synth({ 'asn-kinerja:callbackUrls': undefined })).toThrow(/asn-kinerja:callbackUrls/);
    expect(() => synth({ 'asn-kinerja:logoutUrls': [] })).toThrow(/asn-kinerja:logoutUrls/);
    expect(() => synth({ 'asn-kinerja:callbackUrls': ['http://kinerja.example.go.id/'] })).toThrow(/must be an https URL/);
    expect(() => synth({ 'asn-kinerja:callbackUrls': ['http://localhost.evil.example/'] })).toThrow(/must be an https URL/);
  });
});

describe('stateless stack', () => {
  it('deploys one function per capability, on a current Node.js runtime', () => {
    const fns = stateless.findResources('AWS::Lambda::Function');
    const ids = Object.values(fns)
      .map((f: any) => f.Properties.Environment?.Variables?.FUNCTION_ID)
      .filter(Boolean)
      .sort();
    expect(ids).toEqual(Object.keys(FUNCTIONS).sort());
    for (const f of Object.values(fns) as any[]) {
      if (!f.Properties.Environment?.Variables?.FUNCTION_ID) continue;
      expect(f.Properties.Runtime).toMatch(/^nodejs(22|24)\.x$/);
      expect(f.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    }
  });

  it('routes only to functions it deploys', () => {
    for (const r of ROUTES) expect(Object.keys(FUNCTIONS), `${r.method} ${r.path}`).toContain(r.functionId);
  });

  it('routes every entry of the route table, with the JWT authorizer except on signed-link routes', () => {
    const routes = Object.values(stateless.findResources('AWS::ApiGatewayV2::Route')) as any[];
    expect(routes).toHaveLength(ROUTES.length + METHOD_FALLBACK_ROUTES.length);
    for (const r of ROUTES) {
      const found = routes.find((x) => x.Properties.RouteKey === `${r.method} ${r.path}`);
      expect(found, `${r.method} ${r.path}`).toBeDefined();
      expect(found.Properties.AuthorizationType).toBe(r.auth === 'jwt' ? 'JWT' : 'NONE');
    }
  });

  // Issue 17: an unsupported method on a known path is 405 with Allow, not API Gateway's 404.
  it('gives every known path one ANY route, without an authorizer, to the function that serves the path', () => {
    const resources = stateless.findResources('AWS::ApiGatewayV2::Route') as Record<string, any>;
    const integrations = stateless.findResources('AWS::ApiGatewayV2::Integration') as Record<string, any>;
    const targetOf = (route: any) => {
      const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref as string;
      return integrations[integrationId].Properties.IntegrationUri['Fn::GetAtt'][0] as string;
    };
    const anyRoutes = Object.values(resources).filter((r) => r.Properties.RouteKey.startsWith('ANY '));
    const paths = [...new Set(ROUTES.map((r) => r.path))];
    expect(anyRoutes.map((r) => r.Properties.RouteKey).sort()).toEqual(paths.map((p) => `ANY ${p}`).sort());
    for (const route of anyRoutes) {
      const key = route.Properties.RouteKey as string;
      expect(route.Properties.AuthorizationType, key).toBe('NONE');
      expect(route.Properties.AuthorizerId, key).toBeUndefined();
      // The same function as the path's own routes (whose router answers 405).
      const path = key.slice(4);
      const own = Object.values(resources).find((r) => r.Properties.RouteKey !== key && r.Properties.RouteKey.endsWith(` ${path}`));
      expect(targetOf(route), key).toBe(targetOf(own));
    }
    // The path's own methods keep their routes and their authorizer: ANY never replaces them.
    for (const r of ROUTES.filter((x) => x.auth === 'jwt')) {
      const own = Object.values(resources).find((x) => x.Properties.RouteKey === `${r.method} ${r.path}`);
      expect(own.Properties.AuthorizationType, `${r.method} ${r.path}`).toBe('JWT');
    }
  });

  it('lets API Gateway invoke each function once per API (not one permission per route: the stack’s resource limit)', () => {
    const permissions = Object.values(stateless.findResources('AWS::Lambda::Permission')) as any[];
    const fromApi = permissions.filter((p) => p.Properties.Principal === 'apigateway.amazonaws.com');
    expect(fromApi).toHaveLength(new Set(ROUTES.map((r) => r.functionId)).size);
    expect(Object.keys(stateless.toJSON().Resources).length).toBeLessThan(400);
  });

  it('throttles the API stage and logs access', () => {
    stateless.hasResourceProperties(
      'AWS::ApiGatewayV2::Stage',
      Match.objectLike({
        DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }),
        AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      }),
    );
  });

  // Issue 12, finding 3: a flood of the public survey cannot starve HR and decision links.
  it('gives the public survey routes their own throttle, tighter than every other route', () => {
    const stages = Object.entries(stateless.findResources('AWS::ApiGatewayV2::Stage')) as [string, any][];
    expect(stages).toHaveLength(1);
    const [, stage] = stages[0]!;
    const fallback = stage.Properties.DefaultRouteSettings;
    const settings = stage.Properties.RouteSettings as Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    // Every citizens' route (/v1/public/…: the JSON survey and IKM, and their HTML pages).
    const publicRoutes = [...ROUTES, ...METHOD_FALLBACK_ROUTES].filter((r) => r.path.startsWith('/v1/public/')).map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes).toEqual(expect.arrayContaining(['POST /v1/public/units/{unitId}/skm', 'GET /v1/public/units/{unitId}/ikm']));
    expect(Object.keys(settings).sort()).toEqual([...publicRoutes].sort());
    for (const key of publicRoutes) {
      expect(settings[key]!.ThrottlingRateLimit, key).toBeGreaterThan(0);
      expect(settings[key]!.ThrottlingRateLimit, key).toBeLessThan(fallback.ThrottlingRateLimit);
      expect(settings[key]!.ThrottlingBurstLimit, key).toBeLessThan(fallback.ThrottlingBurstLimit);
    }
    // HR, employee and decision-link routes keep the default: none is overridden.
    for (const r of ROUTES.filter((x) => x.path.startsWith('/v1/decisions/') || x.functionId === 'hr-api')) {
      expect(settings[`${r.method} ${r.path}`], `${r.method} ${r.path}`).toBeUndefined();
    }
    // RouteSettings may only name existing routes: the stage is created after them.
    const routeIds = Object.entries(stateless.findResources('AWS::ApiGatewayV2::Route'))
      .filter(([, r]: [string, any]) => publicRoutes.includes(r.Properties.RouteKey))
      .map(([id]) => id);
    expect(routeIds).toHaveLength(publicRoutes.length);
    expect(stage.DependsOn).toEqual(expect.arrayContaining(routeIds));
  });

  it('starts the yearly cycle in Asia/Jakarta time with a dead-letter queue', () => {
    stateless.hasResourceProperties(
      'AWS::Scheduler::Schedule',
      Match.objectLike({
        ScheduleExpressionTimezone: 'Asia/Jakarta',
        ScheduleExpression: 'cron(0 8 2 1 ? *)',
        Target: Match.objectLike({ DeadLetterConfig: Match.objectLike({ Arn: Match.anyValue() }), RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 3 }) }),
      }),
    );
  });

  it('alarms on failed and timed-out cycle executions', () => {
    const alarms = Object.values(stateless.findResources('AWS::CloudWatch::Alarm')) as any[];
    const metrics = alarms.map((a) => a.Properties.MetricName);
    expect(metrics).toEqual(expect.arrayContaining(['ExecutionsFailed', 'ExecutionsTimedOut', 'ApproximateNumberOfMessagesVisible', 'StageFailed']));
    expect(alarms.every((a) => (a.Properties.AlarmActions ?? []).length === 1)).toBe(true);
  });

  it('gives each function exactly the actions its grants in infra/functions.ts stand for (least privilege)', () => {
    const base = ['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
    const read = [
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:DescribeTable',
      'dynamodb:GetItem',
      'dynamodb:Query',
      'kms:Decrypt',
      'kms:DescribeKey',
    ];
    const byGrant: Record<string, string[]> = {
      'table-read': read,
      'table-write': [
        ...read,
        'dynamodb:BatchWriteItem',
        'dynamodb:DeleteItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'kms:Encrypt',
        'kms:GenerateDataKey',
      ],
      'sfn-start': ['states:StartExecution', 'states:DescribeExecution'],
      'sfn-task': ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
      mail: ['ses:SendEmail'],
      'link-keys': ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'kms:Decrypt'],
      'evidence-files': ['s3:PutObject', 's3:GetObject', 's3:DeleteObject', 'kms:Decrypt', 'kms:GenerateDataKey'],
      'document-files': ['s3:PutObject', 's3:GetObject', 's3:DeleteObject', 'kms:Decrypt', 'kms:GenerateDataKey'],
      // --- documents (issue 16) ---
      'documents-invoke': ['lambda:InvokeFunction'],
    };
    const resources = stateless.toJSON().Resources as Record<string, any>;
    for (const fn of Object.values(resources)) {
      const fnId = fn.Type === 'AWS::Lambda::Function' ? (fn.Properties.Environment?.Variables?.FUNCTION_ID as keyof typeof FUNCTIONS | undefined) : undefined;
      if (!fnId) continue;
      const role = fn.Properties.Role['Fn::GetAtt'][0];
      const actions = Object.values(resources)
        .filter((p) => p.Type === 'AWS::IAM::Policy' && p.Properties.Roles.some((r: any) => r.Ref === role))
        .flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap((st: any) => [st.Action].flat()));
      const expected = [...base, ...FUNCTIONS[fnId].grants.flatMap((g) => byGrant[g]!)];
      expect([...new Set(actions)].sort(), fnId).toEqual([...new Set(expected)].sort());
    }
  });

  it('never grants SendTask* or table access on "*"', () => {
    const policies = Object.values(stateless.findResources('AWS::IAM::Policy')) as any[];
    for (const p of policies) {
      for (const st of p.Properties.PolicyDocument.Statement as any[]) {
        const actions = [st.Action].flat();
        if (actions.some((a: string) => a.startsWith('states:SendTask') || a.startsWith('dynamodb:'))) {
          expect([st.Resource].flat()).not.toContain('*');
        }
      }
    }
  });
});

describe('cycle state machine', () => {
  it('has a branch per stage, named after the stage', () => {
    const names = allStates(asl).map(([n]) => n);
    for (const stage of ['Planning', 'MidYearCheck', 'FinalScoring', 'Calibration', 'Approval', 'Objection', 'FollowUp']) {
      expect(names).toContain(stage);
      expect(names).toContain(`${stage}.AwaitPeople`);
    }
  });

  it('gives every Task a Retry and every task-token wait a timeout', () => {
    const tasks = allStates(asl).filter(([, s]) => s.Type === 'Task');
    expect(tasks.length).toBeGreaterThan(0);
    for (const [name, s] of tasks) {
      expect(s.Retry?.length, `${name} has Retry`).toBeGreaterThan(0);
      if (String(s.Resource).includes('waitForTaskToken')) expect(s.TimeoutSeconds ?? s.TimeoutSecondsPath, `${name} timeout`).toBeDefined();
    }
  });

  it('catches every failure of every Task into the failure record (no employee dropped silently)', () => {
    for (const [name, s] of allStates(asl).filter(([n, st]) => st.Type === 'Task' && !n.endsWith('.RecordFailure'))) {
      const catchAll = (s.Catch ?? []).some((c: any) => c.ErrorEquals.includes('States.ALL'));
      expect(catchAll, `${name} catches States.ALL`).toBe(true);
    }
  });

  it('passes ids, never documents, between states', () => {
    for (const [, s] of allStates(asl)) {
      for (const p of [s.Parameters, s.Parameters?.Payload].filter(Boolean)) {
        for (const k of Object.keys(p))
          expect([
            'cycleId.$',
            'stage.$',
            'tick.$',
            'periodId.$', // a periodic evaluation's execution (stage PERIOD)
            'waitSeconds.$',
            'cursor.$',
            'cursor',
            'error.$',
            'error',
            'taskToken.$',
            'FunctionName',
            'Payload',
            'Payload.$',
          ]).toContain(k);
      }
    }
  });
});

describe('deployment parameters', () => {
  it('stops synth with the fix when a parameter is missing', () => {
    expect(() => synth({ 'asn-kinerja:senderEmail': '' })).toThrow(/asn-kinerja:senderEmail.*cdk\.json/);
  });
  it('refuses a sender outside the SES domain', () => {
    expect(() => synth({ 'asn-kinerja:senderEmail': 'x@other.id' })).toThrow(/must be an address at/);
  });
});

describe('signing in with the agency’s own OIDC provider instead of Cognito', () => {
  const oidc = {
    'asn-kinerja:oidcIssuer': 'https://sso.surabaya.go.id/realms/asn',
    'asn-kinerja:oidcAudience': 'asn-kinerja',
    'asn-kinerja:oidcClaimNip': 'nip',
  };
  let t: ReturnType<typeof synth>;
  beforeAll(() => {
    t = synth(oidc);
  });

  it('creates no user pool, and the JWT authorizer trusts the agency’s issuer and audience', () => {
    t.stateful.resourceCountIs('AWS::Cognito::UserPool', 0);
    t.stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: 'https://sso.surabaya.go.id/realms/asn', Audience: ['asn-kinerja'] },
    });
  });
  it('tells every function which claims carry the NIP, the agency and the roles', () => {
    for (const [, fn] of Object.entries(t.stateless.findResources('AWS::Lambda::Function', { Properties: { Environment: Match.anyValue() } }))) {
      const env = (fn as any).Properties.Environment.Variables;
      if (!env.TABLE_NAME) continue;
      expect(env).toMatchObject({ JWT_CLAIM_NIP: 'nip', JWT_CLAIM_AGENCY: 'agencyId', JWT_CLAIM_ROLES: 'roles' });
    }
  });
  it('keeps Cognito’s claim names by default', () => {
    const fns = Object.values(stateless.findResources('AWS::Lambda::Function', { Properties: { Environment: Match.anyValue() } })) as any[];
    const withTable = fns.filter((f) => f.Properties.Environment.Variables.TABLE_NAME);
    expect(withTable.length).toBeGreaterThan(0);
    for (const fn of withTable) expect(fn.Properties.Environment.Variables).toMatchObject({ JWT_CLAIM_NIP: 'custom:nip', JWT_CLAIM_ROLES: 'cognito:groups' });
  });
  it('needs no Cognito callback URLs (the provider holds its own redirects)', () => {
    expect(() => synth({ ...oidc, 'asn-kinerja:callbackUrls': undefined, 'asn-kinerja:logoutUrls': undefined })).not.toThrow();
  });
  it('refuses an issuer without an audience, or one that is not an https URL', () => {
    expect(() => synth({ 'asn-kinerja:oidcIssuer': 'https://sso.example.go.id' })).toThrow(/go together/);
    expect(() => synth({ ...oidc, 'asn-kinerja:oidcIssuer': 'sso.example.go.id' })).toThrow(/https issuer URL/);
  });
});
