#!/usr/bin/env node
/** The CDK app: `npx cdk synth` / `npx cdk deploy --all`. cdk-nag runs on every synth. */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { writeOpenApiJson } from '../functions/openapi/generate';
import { buildStacks, readParameters } from './stacks';

// Build step before bundling: the openapi function ships the document generated from the route table.
writeOpenApiJson();
const app = new App();
buildStacks(app, readParameters(app));
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
