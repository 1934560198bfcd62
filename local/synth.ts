/**
 * Synthesizes the real CDK app in-process (bundling skipped: the local stack imports the handlers'
 * source directly) and returns the templates — the same ones `cdk synth` writes to cdk.out.
 */
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { buildStacks, readParameters } from '../infra/stacks';

export interface SynthesizedTemplates {
  stateful: Record<string, any>;
  stateless: Record<string, any>;
  stateMachineName: string;
}

export function synthesizeTemplates(outdir?: string): SynthesizedTemplates {
  const cdkJson = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({ outdir, context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  const { stateful, stateless } = buildStacks(app, readParameters(app));
  const assembly = app.synth();
  return {
    stateful: assembly.getStackByName(stateful.stackName).template,
    stateless: assembly.getStackByName(stateless.stackName).template,
    stateMachineName: stateless.stateMachineName,
  };
}

type Resource = { Type: string; Properties: Record<string, any> };

export function resourcesOfType(template: Record<string, any>, type: string): [string, Resource][] {
  return Object.entries(template.Resources as Record<string, Resource>).filter(([, r]) => r.Type === type);
}
