#!/usr/bin/env node
/** The CDK app: `npx cdk synth` / `npx cdk deploy --all`. cdk-nag runs on every synth. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { writeOpenApiJson } from '../functions/openapi/generate';
import { buildStacks, readParameters } from './stacks';

/** Builds web/dist with the app's own build (web/build.ts) when the checkout has it. */
async function buildWebApp(): Promise<void> {
  const build = new URL('../web/build.ts', import.meta.url);
  if (!existsSync(build)) return;
  // A computed specifier: web/ is the app's, built by its own script, not part of the CDK program's imports.
  const { buildWeb } = (await import(build.href)) as { buildWeb: (outDir?: string) => Promise<unknown> };
  await buildWeb(fileURLToPath(new URL('../web/dist', import.meta.url)));
}

// Build steps before bundling: the openapi function ships the document generated from the route table;
// the web app (web/build.ts buildWeb → web/dist) is deployed by infra/constructs/web-hosting.ts.
writeOpenApiJson();
await buildWebApp();
const app = new App();
buildStacks(app, readParameters(app));
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
