/**
 * How every function is bundled: infra/constructs/app-function.ts passes these to NodejsFunction,
 * and bench/handlers.ts turns them into the same esbuild options to measure size and init.
 *
 * Measured with `npm run bench -- handlers` (bench/README.md): loading the SDK from node_modules
 * (NodejsFunction's default for Node ≥ 18: '@aws-sdk/*' external) costs about 3× the init of the same
 * clients bundled as minified ESM (DynamoDB: ~155 against ~55 ms CPU here) — the SDK's CommonJS build
 * (the only one in the runtime image: aws/aws-lambda-base-images#80) is imported from our ESM bundle
 * file by file, through Node's CommonJS export scanner. So the SDK is bundled (AWS's own advice for cold
 * starts), except what a function needs on few invocations, imported lazily and left to the runtime's
 * own SDK v3 (Node.js ≥ 18 runtimes resolve ES module imports through NODE_PATH, where it lives):
 */
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';

export const RUNTIME_SDK_MODULES = [
  // Loaded on first use by shared/adapters/aws-clients.ts (`sfn`), shared/adapters/mail/ses.ts, shared/adapters/links/link-keys.ts.
  '@aws-sdk/client-sfn',
  '@aws-sdk/client-sesv2',
  '@aws-sdk/client-secrets-manager',
  // Loaded on first use by shared/adapters/aws-clients.ts (`s3Client`, `s3Sdk`), in the files function only.
  '@aws-sdk/client-s3',
  // The default credential chain's other sources, each imported lazily after the environment's: Lambda
  // always puts the function's credentials in the environment, so these are never loaded there.
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-login',
  '@aws-sdk/credential-provider-http',
  '@aws-sdk/nested-clients',
  '@aws-sdk/token-providers',
];

export const BUNDLING = {
  format: OutputFormat.ESM,
  target: 'node22',
  minify: true,
  // Stack traces in the logs (Powertools logger, NODE_OPTIONS=--enable-source-maps) point at our source
  // files and lines. Without the sources' text: a third of the map's size and of its parse at init.
  sourceMap: true,
  sourcesContent: false,
  forceDockerBundling: false,
  mainFields: ['module', 'main'],
  banner: "import { createRequire } from 'module';const require = createRequire(import.meta.url);",
  // Replaces NodejsFunction's default externals (['@aws-sdk/*', '@smithy/*']): the rest of the SDK is bundled.
  externalModules: RUNTIME_SDK_MODULES,
} satisfies BundlingOptions;

/**
 * The esbuild options NodejsFunction derives from BUNDLING (aws-cdk-lib/aws-lambda-nodejs/lib/bundling.js),
 * for bundling a function outside CDK the same way: bench/handlers.ts, test/infra/bundles.test.ts.
 */
export function esbuildOptionsOf(bundling: typeof BUNDLING = BUNDLING) {
  return {
    bundle: true,
    platform: 'node' as const,
    format: bundling.format === OutputFormat.ESM ? ('esm' as const) : ('cjs' as const),
    target: bundling.target,
    minify: bundling.minify,
    sourcemap: bundling.sourceMap,
    sourcesContent: bundling.sourcesContent,
    mainFields: [...bundling.mainFields],
    banner: { js: bundling.banner },
    external: [...bundling.externalModules],
    logLevel: 'error' as const,
  };
}
