#!/usr/bin/env node
/** The CDK app: `npx cdk synth` / `npx cdk deploy --all`. cdk-nag runs on every synth. */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildStacks, readParameters } from './stacks';

const app = new App();
buildStacks(app, readParameters(app));
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
