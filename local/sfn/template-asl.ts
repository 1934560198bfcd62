/**
 * Turns the state machines of a synthesized CloudFormation template (from
 * `Template.fromStack(stack).toJSON()` or `cdk.out/<stack>.template.json`) into plain
 * ASL JSON, with every intrinsic resolved to a deterministic local value:
 *
 *   - Lambda function:  Ref -> logical id, GetAtt Arn -> arn:aws:lambda:<region>:<account>:function:<logicalId>
 *   - DynamoDB table:   Ref -> logical id, GetAtt Arn -> arn:aws:dynamodb:<region>:<account>:table/<logicalId>
 *   - State machine:    Ref / GetAtt Arn -> arn:aws:states:<region>:<account>:stateMachine:<name>
 *   - anything else:    Ref -> logical id, GetAtt Arn -> arn:aws:<service>:<region>:<account>:<type>/<logicalId>
 *
 * Logical ids are used as physical names on purpose: the local stack maps a function's
 * logical id to its handler and a table's logical id to its DynamoDB Local table.
 * Override any of them with `refs` / `attributes`.
 */

export interface ResolveOptions {
  /** Default 'ap-southeast-3'. */
  region?: string;
  /** Default '000000000000'. */
  account?: string;
  /** Default 'aws'. */
  partition?: string;
  /** Value of `AWS::StackName`. Default 'local'. */
  stackName?: string;
  /** Values of template Parameters (falls back to each parameter's Default). */
  parameters?: Record<string, string>;
  /** Values for `Fn::ImportValue` (see {@link templateExports} for another stack's exports). */
  imports?: Record<string, string>;
  /** Override what `{ Ref: logicalId }` resolves to. */
  refs?: Record<string, string>;
  /** Override what `{ 'Fn::GetAtt': [logicalId, attr] }` resolves to; key `logicalId.attr`. */
  attributes?: Record<string, string>;
}

export interface ResolvedStateMachine {
  logicalId: string;
  arn: string;
  name: string;
  type: 'STANDARD' | 'EXPRESS';
  definition: Record<string, unknown>;
}

interface Ctx {
  region: string;
  account: string;
  partition: string;
  stackName: string;
  resources: Record<string, CfnResource>;
  templateParameters: Record<string, { Default?: unknown }>;
  conditions: Record<string, unknown>;
  opts: ResolveOptions;
}

interface CfnResource {
  Type?: string;
  Properties?: Record<string, unknown>;
}

const NO_VALUE = Symbol('AWS::NoValue');

/** Plain ASL for every `AWS::StepFunctions::StateMachine` in the template. */
export function resolveStateMachines(template: unknown, opts: ResolveOptions = {}): ResolvedStateMachine[] {
  const ctx = makeCtx(template, opts);
  const out: ResolvedStateMachine[] = [];
  for (const [logicalId, res] of Object.entries(ctx.resources)) {
    if (res.Type !== 'AWS::StepFunctions::StateMachine') continue;
    const props = res.Properties ?? {};
    const name = stateMachineName(logicalId, ctx);
    let definition: unknown;
    if (props.DefinitionString !== undefined) {
      const raw = resolveValue(props.DefinitionString, ctx);
      if (typeof raw !== 'string') {
        throw new Error(`State machine ${logicalId}: DefinitionString did not resolve to a string`);
      }
      const text = applySubstitutions(raw, props.DefinitionSubstitutions, ctx, logicalId);
      try {
        definition = JSON.parse(text);
      } catch (e) {
        throw new Error(`State machine ${logicalId}: resolved definition is not JSON: ${(e as Error).message}`);
      }
    } else if (props.Definition !== undefined) {
      // Object form: substitutions apply to string values inside it.
      const resolved = resolveValue(props.Definition, ctx);
      const text = applySubstitutions(JSON.stringify(resolved), props.DefinitionSubstitutions, ctx, logicalId);
      definition = JSON.parse(text);
    } else if (props.DefinitionS3Location !== undefined) {
      throw new Error(`State machine ${logicalId}: DefinitionS3Location is not supported locally; use DefinitionBody.fromChainable or fromString`);
    } else {
      throw new Error(`State machine ${logicalId}: no definition`);
    }
    if (!isRecord(definition)) throw new Error(`State machine ${logicalId}: definition is not an object`);
    const type = props.StateMachineType === 'EXPRESS' ? 'EXPRESS' : 'STANDARD';
    out.push({ logicalId, name, arn: stateMachineArn(name, ctx), type, definition });
  }
  return out;
}

/**
 * The resolved `Outputs.*.Export.Name -> Value` map of a template, to feed another stack's
 * `imports` (CDK cross-stack references become `Fn::ImportValue` of these names).
 */
export function templateExports(template: unknown, opts: ResolveOptions = {}): Record<string, string> {
  const ctx = makeCtx(template, opts);
  const outputs = isRecord(template) && isRecord(template.Outputs) ? template.Outputs : {};
  const result: Record<string, string> = {};
  for (const output of Object.values(outputs)) {
    if (!isRecord(output) || !isRecord(output.Export)) continue;
    const name = resolveValue(output.Export.Name, ctx);
    const value = resolveValue(output.Value, ctx);
    if (typeof name === 'string') result[name] = stringify(value);
  }
  return result;
}

/** Resolve intrinsics in any template value (exposed for the local stack's other adapters). */
export function resolveTemplateValue(template: unknown, value: unknown, opts: ResolveOptions = {}): unknown {
  const v = resolveValue(value, makeCtx(template, opts));
  return v === NO_VALUE ? undefined : v;
}

/**
 * The function name in a Lambda ARN or name: `arn:aws:lambda:r:a:function:Fn:alias` -> `Fn`,
 * `Fn:alias` -> `Fn`, `Fn` -> `Fn`. Partial ARNs (`a:function:Fn`) are accepted too.
 */
export function lambdaFunctionName(functionArnOrName: string): string {
  const m = /(?:^|:)function:([^:]+)/.exec(functionArnOrName);
  if (m?.[1]) return m[1];
  const [name] = functionArnOrName.split(':');
  return name ?? functionArnOrName;
}

function makeCtx(template: unknown, opts: ResolveOptions): Ctx {
  if (!isRecord(template)) throw new Error('template must be a CloudFormation template object');
  const resources = isRecord(template.Resources) ? (template.Resources as Record<string, CfnResource>) : {};
  return {
    region: opts.region ?? 'ap-southeast-3',
    account: opts.account ?? '000000000000',
    partition: opts.partition ?? 'aws',
    stackName: opts.stackName ?? 'local',
    resources,
    templateParameters: isRecord(template.Parameters) ? (template.Parameters as Ctx['templateParameters']) : {},
    conditions: isRecord(template.Conditions) ? template.Conditions : {},
    opts,
  };
}

function stateMachineName(logicalId: string, ctx: Ctx): string {
  const n = ctx.resources[logicalId]?.Properties?.StateMachineName;
  if (typeof n === 'string') return n;
  if (n !== undefined) {
    const r = resolveValue(n, ctx);
    if (typeof r === 'string') return r;
  }
  return logicalId;
}

function stateMachineArn(name: string, ctx: Ctx): string {
  return `arn:${ctx.partition}:states:${ctx.region}:${ctx.account}:stateMachine:${name}`;
}

function applySubstitutions(text: string, subs: unknown, ctx: Ctx, logicalId: string): string {
  if (subs === undefined) return text;
  if (!isRecord(subs)) throw new Error(`State machine ${logicalId}: DefinitionSubstitutions must be an object`);
  const values = new Map<string, string>();
  for (const [k, v] of Object.entries(subs)) values.set(k, stringify(resolveValue(v, ctx)));
  return text.replace(/\$\{([^}]+)\}/g, (whole, key: string) => values.get(key) ?? whole);
}

function refOf(logicalId: string, ctx: Ctx): unknown {
  const override = ctx.opts.refs?.[logicalId];
  if (override !== undefined) return override;
  switch (logicalId) {
    case 'AWS::Partition':
      return ctx.partition;
    case 'AWS::Region':
      return ctx.region;
    case 'AWS::AccountId':
      return ctx.account;
    case 'AWS::URLSuffix':
      return ctx.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
    case 'AWS::StackName':
      return ctx.stackName;
    case 'AWS::StackId':
      return `arn:${ctx.partition}:cloudformation:${ctx.region}:${ctx.account}:stack/${ctx.stackName}/00000000-0000-0000-0000-000000000000`;
    case 'AWS::NotificationARNs':
      return [];
    case 'AWS::NoValue':
      return NO_VALUE;
  }
  if (logicalId in ctx.templateParameters) {
    const given = ctx.opts.parameters?.[logicalId];
    if (given !== undefined) return given;
    const def = ctx.templateParameters[logicalId]?.Default;
    if (def !== undefined) return def;
    throw new Error(`Parameter ${logicalId} has no value (pass it in opts.parameters)`);
  }
  const res = ctx.resources[logicalId];
  if (!res) throw new Error(`Ref to unknown resource or parameter: ${logicalId}`);
  const type = res.Type ?? '';
  switch (type) {
    case 'AWS::StepFunctions::StateMachine':
      return stateMachineArn(stateMachineName(logicalId, ctx), ctx);
    case 'AWS::SNS::Topic':
      return `arn:${ctx.partition}:sns:${ctx.region}:${ctx.account}:${logicalId}`;
    case 'AWS::SQS::Queue':
      return `https://sqs.${ctx.region}.amazonaws.com/${ctx.account}/${logicalId}`;
    case 'AWS::SecretsManager::Secret':
      return `arn:${ctx.partition}:secretsmanager:${ctx.region}:${ctx.account}:secret:${logicalId}`;
    default:
      return logicalId;
  }
}

function getAttOf(logicalId: string, attr: string, ctx: Ctx): unknown {
  const override = ctx.opts.attributes?.[`${logicalId}.${attr}`];
  if (override !== undefined) return override;
  const res = ctx.resources[logicalId];
  if (!res) throw new Error(`Fn::GetAtt of unknown resource: ${logicalId}`);
  const { partition: p, region: r, account: a } = ctx;
  const type = res.Type ?? '';
  switch (type) {
    case 'AWS::Lambda::Function':
      if (attr === 'Arn') return `arn:${p}:lambda:${r}:${a}:function:${logicalId}`;
      break;
    case 'AWS::DynamoDB::Table':
    case 'AWS::DynamoDB::GlobalTable':
      if (attr === 'Arn') return `arn:${p}:dynamodb:${r}:${a}:table/${logicalId}`;
      if (attr === 'StreamArn') return `arn:${p}:dynamodb:${r}:${a}:table/${logicalId}/stream/1970-01-01T00:00:00.000`;
      break;
    case 'AWS::StepFunctions::StateMachine':
      if (attr === 'Arn') return stateMachineArn(stateMachineName(logicalId, ctx), ctx);
      if (attr === 'Name') return stateMachineName(logicalId, ctx);
      break;
    case 'AWS::SNS::Topic':
      if (attr === 'TopicArn') return `arn:${p}:sns:${r}:${a}:${logicalId}`;
      if (attr === 'TopicName') return logicalId;
      break;
    case 'AWS::SQS::Queue':
      if (attr === 'Arn') return `arn:${p}:sqs:${r}:${a}:${logicalId}`;
      if (attr === 'QueueName') return logicalId;
      if (attr === 'QueueUrl') return `https://sqs.${r}.amazonaws.com/${a}/${logicalId}`;
      break;
    case 'AWS::IAM::Role':
      if (attr === 'Arn') return `arn:${p}:iam::${a}:role/${logicalId}`;
      if (attr === 'RoleId') return `AROA${logicalId.toUpperCase()}`;
      break;
    case 'AWS::Events::EventBus':
      if (attr === 'Arn') return `arn:${p}:events:${r}:${a}:event-bus/${logicalId}`;
      if (attr === 'Name') return logicalId;
      break;
    case 'AWS::S3::Bucket':
      if (attr === 'Arn') return `arn:${p}:s3:::${logicalId.toLowerCase()}`;
      break;
    case 'AWS::KMS::Key':
      if (attr === 'Arn') return `arn:${p}:kms:${r}:${a}:key/${logicalId}`;
      if (attr === 'KeyId') return logicalId;
      break;
  }
  if (attr === 'Arn') {
    const [, service = 'unknown', kind = 'resource'] = type.split('::');
    return `arn:${p}:${service.toLowerCase()}:${r}:${a}:${kind.toLowerCase()}/${logicalId}`;
  }
  if (attr === 'Name' || attr.endsWith('Name')) return logicalId;
  return `${logicalId}.${attr}`;
}

function resolveValue(value: unknown, ctx: Ctx): unknown {
  if (Array.isArray(value)) {
    return value.map((v) => resolveValue(v, ctx)).filter((v) => v !== NO_VALUE);
  }
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const key = keys[0] as string;
    const arg = value[key];
    switch (key) {
      case 'Ref':
        return refOf(String(arg), ctx);
      case 'Fn::GetAtt': {
        const [id, ...attrParts] = Array.isArray(arg) ? arg.map(String) : String(arg).split('.');
        const attr = attrParts.join('.');
        return getAttOf(String(id), attr, ctx);
      }
      case 'Fn::Join': {
        if (!Array.isArray(arg) || arg.length !== 2) throw new Error('Fn::Join expects [delimiter, list]');
        const sep = String(resolveValue(arg[0], ctx));
        const list = resolveValue(arg[1], ctx);
        if (!Array.isArray(list)) throw new Error('Fn::Join list did not resolve to an array');
        return list.map(stringify).join(sep);
      }
      case 'Fn::Sub':
        return resolveSub(arg, ctx);
      case 'Fn::Select': {
        if (!Array.isArray(arg) || arg.length !== 2) throw new Error('Fn::Select expects [index, list]');
        const index = Number(resolveValue(arg[0], ctx));
        const list = resolveValue(arg[1], ctx);
        if (!Array.isArray(list) || !(index in list)) throw new Error('Fn::Select index out of range');
        return list[index];
      }
      case 'Fn::Split': {
        if (!Array.isArray(arg) || arg.length !== 2) throw new Error('Fn::Split expects [delimiter, string]');
        return stringify(resolveValue(arg[1], ctx)).split(String(resolveValue(arg[0], ctx)));
      }
      case 'Fn::ImportValue': {
        const name = stringify(resolveValue(arg, ctx));
        const v = ctx.opts.imports?.[name];
        if (v === undefined) throw new Error(`Fn::ImportValue ${name}: not in opts.imports (see templateExports)`);
        return v;
      }
      case 'Fn::Base64':
        return Buffer.from(stringify(resolveValue(arg, ctx))).toString('base64');
      case 'Fn::If': {
        if (!Array.isArray(arg) || arg.length !== 3) throw new Error('Fn::If expects [condition, then, else]');
        return resolveValue(evalCondition(String(arg[0]), ctx) ? arg[1] : arg[2], ctx);
      }
      case 'Fn::GetAZs':
        return ['a', 'b', 'c'].map((z) => `${ctx.region}${z}`);
      case 'Condition':
        return evalCondition(String(arg), ctx);
      case 'Fn::Equals':
      case 'Fn::Not':
      case 'Fn::And':
      case 'Fn::Or':
        return evalConditionExpr(value, ctx);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const r = resolveValue(v, ctx);
    if (r !== NO_VALUE) out[k] = r;
  }
  return out;
}

function resolveSub(arg: unknown, ctx: Ctx): string {
  const [template, vars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
  const local = isRecord(vars) ? vars : {};
  return String(template).replace(/\$\{(!?)([^}]+)\}/g, (_whole, bang: string, expr: string) => {
    if (bang) return `\${${expr}}`;
    if (expr in local) return stringify(resolveValue(local[expr], ctx));
    const dot = expr.indexOf('.');
    if (dot > 0 && !expr.startsWith('AWS::')) return stringify(getAttOf(expr.slice(0, dot), expr.slice(dot + 1), ctx));
    return stringify(refOf(expr, ctx));
  });
}

function evalCondition(name: string, ctx: Ctx): boolean {
  const expr = ctx.conditions[name];
  if (expr === undefined) throw new Error(`Unknown condition ${name}`);
  return evalConditionExpr(expr, ctx);
}

function evalConditionExpr(expr: unknown, ctx: Ctx): boolean {
  if (!isRecord(expr)) return Boolean(expr);
  const [key] = Object.keys(expr);
  const arg = key === undefined ? undefined : expr[key];
  const list = Array.isArray(arg) ? arg : [];
  switch (key) {
    case 'Fn::Equals':
      return stringify(resolveValue(list[0], ctx)) === stringify(resolveValue(list[1], ctx));
    case 'Fn::Not':
      return !evalConditionExpr(list[0], ctx);
    case 'Fn::And':
      return list.every((c) => evalConditionExpr(c, ctx));
    case 'Fn::Or':
      return list.some((c) => evalConditionExpr(c, ctx));
    case 'Condition':
      return evalCondition(String(arg), ctx);
    default:
      return Boolean(resolveValue(expr, ctx));
  }
}

function stringify(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(stringify).join(',');
  if (v === NO_VALUE || v === undefined || v === null) return '';
  return JSON.stringify(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
