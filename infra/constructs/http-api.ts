/**
 * The HTTP API: one `$default` stage with access logs and throttling, the JWT authorizer (Cognito's or
 * the agency's OIDC provider), and every route of the route table (shared/http/routes.ts), the same
 * table the local HTTP server is built from.
 *
 * Every known path also gets its `ANY` route (METHOD_FALLBACK_ROUTES, derived from the table): a method no
 * route serves there reaches the path's function, whose router answers 405 with `Allow` instead of API
 * Gateway's 404. Those routes have no authorizer — they only ever answer 405, never data — and take the
 * same throttle as the path's other routes.
 *
 * Throttling: the stage's default route throttle serves HR, employees and decision links; the public
 * survey routes (/v1/public/…) get their own, tighter one (stage RouteSettings), so a flood of the
 * anonymous survey is refused at the gateway without using up what the other routes are allowed.
 */
import { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { METHOD_FALLBACK_ROUTES, ROUTES } from '../../shared/http/routes';
import type { FunctionId } from '../functions';
import { retainedLogGroup } from './log-group';

type RouteEntry = (typeof ROUTES)[number];

/**
 * Compile-time check: every route names a function of the registry (infra/functions.ts). The route table
 * types its targets itself (shared/http must not import infra); if it names a function infra does not
 * deploy, this line stops `tsc`.
 */
type Assert<T extends true> = T;
export type RoutesTargetDeployedFunctions = Assert<RouteEntry['functionId'] extends FunctionId ? true : false>;

/** Requests per second (steady) and burst, per route. */
export interface Throttle {
  rateLimit: number;
  burstLimit: number;
}

/** HR, employees, raters and email decision links: the stage default. */
export const DEFAULT_ROUTE_THROTTLE: Throttle = { rateLimit: 50, burstLimit: 100 };
/**
 * The anonymous citizen survey (submission and IKM), each route on its own: far above a busy service
 * counter (a submission takes a citizen a minute or more), far below what would crowd out the others.
 * The per-address daily budget in the skm function bounds what one client can count.
 */
export const PUBLIC_ROUTE_THROTTLE: Throttle = { rateLimit: 10, burstLimit: 20 };

export function isPublicSurveyRoute(route: { path: string }): boolean {
  return route.path.startsWith('/v1/public/');
}

export const routeKey = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

/** `audience`: the app clients whose tokens the API accepts (the API's client and the web app's). */
export type ApiIdentity = { issuer: string; audience: string | string[]; name: string };

export interface AppHttpApiProps {
  /** Who signs the tokens the JWT routes accept. */
  identity: ApiIdentity;
  logKey: IKey;
}

export class AppHttpApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  private readonly authorizer: HttpJwtAuthorizer;

  constructor(scope: Construct, id: string, props: AppHttpApiProps) {
    super(scope, id);
    this.api = new apigw.HttpApi(this, 'HttpApi', {
      description: 'asn-kinerja HTTP API',
      createDefaultStage: false,
      corsPreflight: undefined,
    });
    const accessLogs = retainedLogGroup(this, 'AccessLogs', props.logKey);
    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: DEFAULT_ROUTE_THROTTLE,
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs) },
    });
    this.authorizer = new HttpJwtAuthorizer(props.identity.name, props.identity.issuer, { jwtAudience: [props.identity.audience].flat() });
  }

  /** The API's own domain (CloudFront's origin for /v1/*). */
  get domain(): string {
    const stack = Stack.of(this);
    return `${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }

  /** The API's own base URL (links and pages use the app's origin, CloudFront's, instead). */
  get url(): string {
    const stack = Stack.of(this);
    return `https://${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }

  /**
   * Adds every route of the route table, each integrated with its function, and each path's ANY route
   * (405 with Allow, no authorizer); one integration per function. Its invoke permission is one per
   * function for this API (`scopePermissionToRoute: false`) rather than one per route: each route is a
   * Lambda permission otherwise, and the stack has a resource limit (500) that ~120 routes would eat into.
   */
  addRouteTable(functions: Record<FunctionId, IFunction>): void {
    const integrations = new Map<FunctionId, HttpLambdaIntegration>();
    const integrationOf = (id: FunctionId) => {
      let integration = integrations.get(id);
      if (!integration) {
        integration = new HttpLambdaIntegration(`Integration-${id}`, functions[id], { scopePermissionToRoute: false });
        integrations.set(id, integration);
      }
      return integration;
    };
    // RouteSettings is untyped JSON in CloudFormation's schema: CDK passes it as is, so the keys are CloudFormation's.
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    const routes = [...ROUTES.map((r) => ({ ...r, authorizer: r.auth === 'jwt' ? this.authorizer : undefined })), ...METHOD_FALLBACK_ROUTES];
    for (const route of routes) {
      const [added] = this.api.addRoutes({
        path: route.path,
        methods: [route.method as apigw.HttpMethod],
        integration: integrationOf(route.functionId),
        authorizer: 'authorizer' in route ? route.authorizer : undefined,
      });
      if (isPublicSurveyRoute(route)) {
        routeSettings[routeKey(route)] = { ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit, ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit };
        // A stage's RouteSettings may only name routes that exist: create them first.
        this.stage.node.addDependency(added!);
      }
    }
    const cfnStage = this.stage.node.defaultChild as apigw.CfnStage;
    cfnStage.routeSettings = routeSettings;
  }
}
