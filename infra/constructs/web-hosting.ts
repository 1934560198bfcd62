/**
 * The web app in AWS, on the same origin as the API: CloudFront in front of a private S3 bucket (origin
 * access control) for the app's files, and the HTTP API on `/v1/*` and `/openapi.json` (no caching, every
 * method, every viewer header but Host — so Authorization reaches the API). A CloudFront Function sends
 * extensionless paths (the app's own routes, e.g. /siklus/…/skp) to /index.html. One response-headers
 * policy: the strict CSP and security headers of infra/web-security.ts (the local server sends the same).
 * `/config.json` tells the app where to sign in (Cognito's managed login, or the agency's OIDC provider).
 *
 * The app's files come from `web/dist` (web/build.ts buildWeb, run by infra/app.ts before synth); when
 * the folder is missing (a fresh clone synthesizing without a build), a placeholder page is deployed.
 */
import { existsSync } from 'node:fs';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { contentSecurityPolicy, HSTS_SECONDS } from '../web-security';

/** The API's paths on the app's origin. */
export const API_PATH_PATTERNS = ['/v1/*', '/openapi.json'] as const;

/** The CloudFront Function's code (cloudfront-js-2.0): an extensionless path is the app's; others pass. */
export const SPA_FALLBACK_CODE = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

export interface WebHostingProps {
  /** The HTTP API's domain (`<apiId>.execute-api.<region>.amazonaws.com`). */
  apiDomain: string;
  accessLogs: s3.IBucket;
  /** Origins the app calls besides its own: the sign-in provider, the files bucket. */
  connectSources: string[];
  /** The built app (web/dist). */
  webDir: string;
}

export interface WebConfigJson {
  authority: string;
  clientId: string;
  scope: string;
}

const PLACEHOLDER = `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Kinerja ASN</title></head><body><main><h1>Kinerja ASN</h1><p>Aplikasi web belum dibangun saat penerapan ini (web/dist tidak ada). Jalankan <code>npm run build:web</code> lalu terapkan ulang.</p></main></body></html>`;

export class WebHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly responseHeaders: cloudfront.ResponseHeadersPolicy;
  private readonly webDir: string;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    this.webDir = props.webDir;
    this.bucket = new s3.Bucket(this, 'AppBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'app-bucket/',
      // The app is rebuilt from source; old hashed assets stay for open sessions (no prune) and expire.
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'abort-incomplete-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });

    const csp = contentSecurityPolicy({ connect: props.connectSources, img: props.connectSources, upgradeInsecureRequests: true });
    const policy = (id: string, comment: string, overrideCsp: boolean) =>
      new cloudfront.ResponseHeadersPolicy(this, id, {
        comment,
        securityHeadersBehavior: {
          contentSecurityPolicy: { contentSecurityPolicy: csp, override: overrideCsp },
          strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_SECONDS), includeSubdomains: true, preload: true, override: true },
          contentTypeOptions: { override: true },
          frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
          referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        },
        customHeadersBehavior: {
          customHeaders: [
            { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()', override: true },
            { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
          ],
        },
      });
    this.responseHeaders = policy('SecurityHeaders', 'asn-kinerja web app: strict CSP and security headers (infra/web-security.ts)', true);
    // The API's own pages (decision links, the HR report) send a stricter CSP of their own: kept.
    const apiHeaders = policy('ApiSecurityHeaders', 'asn-kinerja API: security headers; the CSP of pages that send their own is kept', false);

    const spaFallback = new cloudfront.Function(this, 'SpaFallback', {
      comment: 'Extensionless paths are the app’s own routes: serve /index.html',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(SPA_FALLBACK_CODE),
    });

    const api = new origins.HttpOrigin(props.apiDomain, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
    });
    const apiBehavior: cloudfront.BehaviorOptions = {
      origin: api,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      // Every viewer header (Authorization, Idempotency-Key, …) but Host, which must be the API's own.
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: apiHeaders,
      compress: true,
    };

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'asn-kinerja: web app and API on one origin',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Edge locations in Asia (Jakarta included) without the most expensive classes.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.responseHeaders,
        functionAssociations: [{ function: spaFallback, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors: Object.fromEntries(API_PATH_PATTERNS.map((p) => [p, apiBehavior])),
    });
  }

  /** `https://<distribution domain>` */
  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }

  /**
   * Deploys the app's files and /config.json: hashed assets cached for a year, index.html and
   * config.json revalidated on every load (and invalidated at each deployment).
   */
  deployApp(config: WebConfigJson): void {
    const built = existsSync(`${this.webDir}/index.html`);
    const files = built ? s3deploy.Source.asset(this.webDir) : s3deploy.Source.data('index.html', PLACEHOLDER);
    const assets = new s3deploy.BucketDeployment(this, 'DeployAssets', {
      destinationBucket: this.bucket,
      sources: [files],
      exclude: ['index.html', 'config.json'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
      memoryLimit: 256,
    });
    const entry = new s3deploy.BucketDeployment(this, 'DeployEntry', {
      destinationBucket: this.bucket,
      sources: [files, s3deploy.Source.jsonData('config.json', config)],
      exclude: ['*'],
      include: ['index.html', 'config.json'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      memoryLimit: 256,
    });
    // The entry points name assets: upload those first.
    entry.node.addDependency(assets);
  }
}
