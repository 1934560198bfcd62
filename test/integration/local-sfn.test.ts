import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStepFunctions } from '../../local/sfn/server';
import { startLocalStepFunctions } from '../../local/sfn/server';
import type { ResolvedStateMachine } from '../../local/sfn/template-asl';
import { lambdaFunctionName, resolveStateMachines } from '../../local/sfn/template-asl';

/**
 * A year of definition time takes ~32 s here: the 14-day callback timeout fires after ~1.2 s,
 * the 30-day Wait lasts ~2.6 s and the 30-s Retry interval 30 µs.
 */
const TIME_SCALE = 1e-6;

/** The approval flow the tests drive: prepare (retried) -> wait for a person -> route -> cool off -> finalize. */
function synthApprovalTemplate(): Record<string, unknown> {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'LocalSfnTest');
  const fn = (id: string) =>
    new lambda.Function(stack, id, {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({})'),
    });
  const prepareFn = fn('PrepareFn');
  const notifyFn = fn('NotifyFn');
  const finalizeFn = fn('FinalizeFn');

  const prepare = new tasks.LambdaInvoke(stack, 'Prepare', {
    lambdaFunction: prepareFn,
    resultSelector: { 'x.$': '$.Payload.x' },
    resultPath: '$.prep',
  }).addRetry({ errors: ['Transient'], interval: Duration.seconds(30), maxAttempts: 2, backoffRate: 2 });

  const rejected = new sfn.Pass(stack, 'Rejected', {
    parameters: { outcome: 'rejected', 'error.$': '$.error.Error', 'cause.$': '$.error.Cause' },
  });
  const timedOut = new sfn.Pass(stack, 'TimedOut', {
    parameters: { outcome: 'timed-out', 'error.$': '$.error.Error' },
  });

  const awaitDecision = new tasks.LambdaInvoke(stack, 'AwaitDecision', {
    lambdaFunction: notifyFn,
    integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
    payload: sfn.TaskInput.fromObject({
      token: sfn.JsonPath.taskToken,
      id: sfn.JsonPath.stringAt('$.id'),
      execution: sfn.JsonPath.stringAt('$$.Execution.Id'),
    }),
    taskTimeout: sfn.Timeout.duration(Duration.days(14)),
    resultPath: '$.decision',
  })
    .addCatch(rejected, { errors: ['Rejected'], resultPath: '$.error' })
    .addCatch(timedOut, { errors: ['States.Timeout'], resultPath: '$.error' });

  const coolOff = new sfn.Wait(stack, 'CoolOff', { time: sfn.WaitTime.duration(Duration.days(30)) });
  const finalize = new tasks.LambdaInvoke(stack, 'Finalize', {
    lambdaFunction: finalizeFn,
    payloadResponseOnly: true,
    resultPath: '$.final',
  });
  const notApproved = new sfn.Pass(stack, 'NotApproved', { parameters: { outcome: 'not-approved' } });

  const definition = prepare
    .next(awaitDecision)
    .next(new sfn.Choice(stack, 'Route').when(sfn.Condition.booleanEquals('$.decision.approved', true), coolOff.next(finalize)).otherwise(notApproved));
  new sfn.StateMachine(stack, 'Approval', {
    stateMachineName: 'approval',
    definitionBody: sfn.DefinitionBody.fromChainable(definition),
  });
  return Template.fromStack(stack).toJSON() as Record<string, unknown>;
}

interface Invocation {
  fn: string;
  payload: Record<string, unknown>;
}

describe('local Step Functions endpoint', () => {
  let machines: ResolvedStateMachine[];
  let local: LocalStepFunctions;
  let client: SFNClient;
  let approvalArn: string;
  const invocations: Invocation[] = [];
  /** Ids whose Prepare call must fail once with a 'Transient' error. */
  const flakyOnce = new Set<string>();
  /** Ids whose Prepare call always fails with a 'Broken' error. */
  const broken = new Set<string>();
  const tokenWaiters = new Map<string, (token: string) => void>();

  /** Resolves with the task token the Notify Lambda receives for this id. */
  function tokenFor(id: string): Promise<string> {
    return new Promise((resolve) => tokenWaiters.set(id, resolve));
  }

  async function invokeLambda(functionArnOrName: string, payload: unknown): Promise<unknown> {
    const p = payload as Record<string, unknown>;
    const fn = lambdaFunctionName(functionArnOrName);
    invocations.push({ fn, payload: p });
    const id = String(p.id);
    if (fn.startsWith('PrepareFn')) {
      if (broken.has(id)) throw Object.assign(new Error(`cannot prepare ${id}`), { name: 'Broken' });
      if (flakyOnce.delete(id)) throw Object.assign(new Error('try again'), { name: 'Transient' });
      return { x: `prepared-${id}` };
    }
    if (fn.startsWith('NotifyFn')) {
      tokenWaiters.get(id)?.(String(p.token));
      return { sent: true };
    }
    if (fn.startsWith('FinalizeFn')) return { finalized: id };
    throw Object.assign(new Error(`no such function ${functionArnOrName}`), { name: 'Lambda.ResourceNotFoundException' });
  }

  async function start(id: string, name?: string): Promise<string> {
    const out = await client.send(new StartExecutionCommand({ stateMachineArn: approvalArn, name, input: JSON.stringify({ id }) }));
    return out.executionArn as string;
  }

  async function finished(executionArn: string) {
    return local.waitForExecution(executionArn, { timeoutMs: 20_000 });
  }

  async function errorName(p: Promise<unknown>): Promise<string> {
    try {
      await p;
    } catch (e) {
      return (e as Error).name;
    }
    return 'no error';
  }

  beforeAll(async () => {
    machines = resolveStateMachines(synthApprovalTemplate());
    local = await startLocalStepFunctions({ stateMachines: machines, invokeLambda, timeScale: TIME_SCALE, port: 0 });
    client = new SFNClient({
      endpoint: local.endpoint,
      region: 'ap-southeast-3',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    approvalArn = machines[0]?.arn as string;
  });

  afterAll(async () => {
    client?.destroy();
    await local?.close();
  });

  it('resolves the synthesized template into plain ASL with deterministic ARNs', () => {
    expect(machines).toHaveLength(1);
    const m = machines[0] as ResolvedStateMachine;
    expect(m.name).toBe('approval');
    expect(m.arn).toBe('arn:aws:states:ap-southeast-3:000000000000:stateMachine:approval');
    const states = m.definition.States as Record<string, Record<string, unknown>>;
    expect(states.AwaitDecision?.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
    expect(states.AwaitDecision?.TimeoutSeconds).toBe(14 * 24 * 3600);
    const params = states.AwaitDecision?.Parameters as Record<string, unknown>;
    expect(params.FunctionName).toMatch(/^arn:aws:lambda:ap-southeast-3:000000000000:function:NotifyFn[0-9A-F]{8}$/);
    expect(states.CoolOff).toMatchObject({ Type: 'Wait', Seconds: 30 * 24 * 3600, Next: 'Finalize' });
    expect(JSON.stringify(m.definition)).not.toMatch(/Fn::|"Ref"/);
  });

  it('runs the callback task to SUCCEEDED after SendTaskSuccess, through the 30-day Wait', async () => {
    const token = tokenFor('emp-1');
    const arn = await start('emp-1');
    const t = await token;
    const notify = invocations.find((i) => i.fn.startsWith('NotifyFn') && i.payload.id === 'emp-1');
    expect(notify?.payload.execution).toBe(arn);
    expect(t).toMatch(/^AQ[A-Za-z0-9_-]{100,}$/);

    const running = await client.send(new DescribeExecutionCommand({ executionArn: arn }));
    expect(running.status).toBe('RUNNING');
    expect(running.startDate).toBeInstanceOf(Date);
    expect(local.listPendingTasks({ executionArn: arn }).map((p) => p.stateName)).toEqual(['AwaitDecision']);

    await client.send(new SendTaskSuccessCommand({ taskToken: t, output: JSON.stringify({ approved: true, by: 'atasan' }) }));
    const done = await finished(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output as string)).toEqual({
      id: 'emp-1',
      prep: { x: 'prepared-emp-1' },
      decision: { approved: true, by: 'atasan' },
      final: { finalized: 'emp-1' },
    });
    // The 30-day Wait took ~2.6 s, not 0 and not 30 days.
    const elapsed = (done.stopDate as Date).getTime() - done.startDate.getTime();
    expect(elapsed).toBeGreaterThanOrEqual(30 * 24 * 3600 * 1000 * TIME_SCALE - 50);

    const described = await client.send(new DescribeExecutionCommand({ executionArn: arn }));
    expect(described.status).toBe('SUCCEEDED');
    expect(described.stopDate).toBeInstanceOf(Date);
    expect(described.output).toBe(done.output);

    // A second answer on the same token: the task is closed.
    expect(await errorName(client.send(new SendTaskSuccessCommand({ taskToken: t, output: '{}' })))).toBe('TaskTimedOut');
    expect(await errorName(client.send(new SendTaskFailureCommand({ taskToken: t, error: 'X' })))).toBe('TaskTimedOut');
    expect(await errorName(client.send(new SendTaskHeartbeatCommand({ taskToken: t })))).toBe('TaskTimedOut');
  });

  it('routes a SendTaskFailure to the Catch that names its error', async () => {
    const token = tokenFor('emp-2');
    const arn = await start('emp-2');
    await client.send(new SendTaskFailureCommand({ taskToken: await token, error: 'Rejected', cause: 'target too low' }));
    const done = await finished(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output as string)).toEqual({ outcome: 'rejected', error: 'Rejected', cause: 'target too low' });
  });

  it('fails the execution when SendTaskFailure names an error nobody catches', async () => {
    const token = tokenFor('emp-3');
    const arn = await start('emp-3');
    await client.send(new SendTaskFailureCommand({ taskToken: await token, error: 'Withdrawn', cause: 'employee left' }));
    const done = await finished(arn);
    expect(done).toMatchObject({ status: 'FAILED', error: 'Withdrawn', cause: 'employee left' });
  });

  it('takes the Choice default when the decision is not an approval', async () => {
    const token = tokenFor('emp-4');
    const arn = await start('emp-4');
    await client.send(new SendTaskSuccessCommand({ taskToken: await token, output: '{"approved":false}' }));
    const done = await finished(arn);
    expect(JSON.parse(done.output as string)).toEqual({ outcome: 'not-approved' });
  });

  it('times the callback task out after its (scaled) 14 days as States.Timeout, caught by its Catch', async () => {
    const token = tokenFor('emp-5');
    const arn = await start('emp-5');
    const t = await token;
    await client.send(new SendTaskHeartbeatCommand({ taskToken: t }));
    const done = await finished(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output as string)).toEqual({ outcome: 'timed-out', error: 'States.Timeout' });
    const waited = (done.stopDate as Date).getTime() - done.startDate.getTime();
    expect(waited).toBeGreaterThanOrEqual(14 * 24 * 3600 * 1000 * TIME_SCALE - 50);
    expect(await errorName(client.send(new SendTaskSuccessCommand({ taskToken: t, output: '{}' })))).toBe('TaskTimedOut');
  });

  it('answers InvalidToken for a token it never issued, and validates output JSON', async () => {
    expect(await errorName(client.send(new SendTaskSuccessCommand({ taskToken: 'bogus', output: '{}' })))).toBe('InvalidToken');
    expect(await errorName(client.send(new SendTaskFailureCommand({ taskToken: 'AQ' + 'A'.repeat(640) })))).toBe('InvalidToken');
    expect(await errorName(client.send(new SendTaskHeartbeatCommand({ taskToken: 'x'.repeat(50) })))).toBe('InvalidToken');

    const token = tokenFor('emp-6');
    const arn = await start('emp-6');
    const t = await token;
    expect(await errorName(client.send(new SendTaskSuccessCommand({ taskToken: t, output: 'not json' })))).toBe('InvalidOutput');
    // The bad call did not consume the token.
    await client.send(new SendTaskSuccessCommand({ taskToken: t, output: '{"approved":false}' }));
    expect((await finished(arn)).status).toBe('SUCCEEDED');
  });

  it('treats StartExecution with the same name like AWS: idempotent while running with the same input', async () => {
    const token = tokenFor('emp-7');
    const first = await client.send(new StartExecutionCommand({ stateMachineArn: approvalArn, name: 'cycle-2025-emp-7', input: '{"id":"emp-7"}' }));
    const again = await client.send(new StartExecutionCommand({ stateMachineArn: approvalArn, name: 'cycle-2025-emp-7', input: '{"id":"emp-7"}' }));
    expect(again.executionArn).toBe(first.executionArn);
    expect(again.startDate?.getTime()).toBe(first.startDate?.getTime());
    expect(first.executionArn).toBe('arn:aws:states:ap-southeast-3:000000000000:execution:approval:cycle-2025-emp-7');

    const otherInput = client.send(new StartExecutionCommand({ stateMachineArn: approvalArn, name: 'cycle-2025-emp-7', input: '{"id":"other"}' }));
    expect(await errorName(otherInput)).toBe('ExecutionAlreadyExists');

    await client.send(new SendTaskSuccessCommand({ taskToken: await token, output: '{"approved":false}' }));
    await finished(first.executionArn as string);
    const afterClose = client.send(new StartExecutionCommand({ stateMachineArn: approvalArn, name: 'cycle-2025-emp-7', input: '{"id":"emp-7"}' }));
    expect(await errorName(afterClose)).toBe('ExecutionAlreadyExists');
    // Only one execution ran.
    expect(invocations.filter((i) => i.fn.startsWith('PrepareFn') && i.payload.id === 'emp-7')).toHaveLength(1);
  });

  it('retries a Lambda that throws once (Retry on the error name), then carries on', async () => {
    flakyOnce.add('emp-8');
    const token = tokenFor('emp-8');
    const arn = await start('emp-8');
    await client.send(new SendTaskSuccessCommand({ taskToken: await token, output: '{"approved":false}' }));
    const done = await finished(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(invocations.filter((i) => i.fn.startsWith('PrepareFn') && i.payload.id === 'emp-8')).toHaveLength(2);
    expect(flakyOnce.has('emp-8')).toBe(false);
  });

  it('fails the execution with the Lambda error name and a Lambda-shaped Cause when nothing handles it', async () => {
    broken.add('emp-9');
    const arn = await start('emp-9');
    const done = await finished(arn);
    expect(done.status).toBe('FAILED');
    expect(done.error).toBe('Broken');
    expect(JSON.parse(done.cause as string)).toMatchObject({ errorType: 'Broken', errorMessage: 'cannot prepare emp-9' });
  });

  it('stops an execution: ABORTED, and its open token is closed', async () => {
    const token = tokenFor('emp-10');
    const arn = await start('emp-10');
    const t = await token;
    const stopped = await client.send(new StopExecutionCommand({ executionArn: arn, error: 'Cancelled', cause: 'by HR' }));
    expect(stopped.stopDate).toBeInstanceOf(Date);
    const d = await client.send(new DescribeExecutionCommand({ executionArn: arn }));
    expect(d).toMatchObject({ status: 'ABORTED', error: 'Cancelled', cause: 'by HR' });
    expect(await errorName(client.send(new SendTaskSuccessCommand({ taskToken: t, output: '{}' })))).toBe('TaskTimedOut');
    expect(local.listPendingTasks({ executionArn: arn })).toEqual([]);
  });

  it('returns the typed errors of unknown state machines, executions and bad names', async () => {
    const unknownMachine = approvalArn.replace(':approval', ':nope');
    expect(await errorName(client.send(new StartExecutionCommand({ stateMachineArn: unknownMachine })))).toBe('StateMachineDoesNotExist');
    expect(await errorName(client.send(new DescribeExecutionCommand({ executionArn: `${approvalArn.replace('stateMachine', 'execution')}:nope` })))).toBe(
      'ExecutionDoesNotExist',
    );
    expect(await errorName(client.send(new StartExecutionCommand({ stateMachineArn: approvalArn, name: 'has space' })))).toBe('InvalidName');
    expect(await errorName(client.send(new StartExecutionCommand({ stateMachineArn: approvalArn, input: '{oops' })))).toBe('InvalidExecutionInput');
  });

  it('describes and lists the state machines it serves', async () => {
    const list = await client.send(new ListStateMachinesCommand({}));
    expect(list.stateMachines?.map((m) => m.stateMachineArn)).toEqual([approvalArn]);
    const d = await client.send(new DescribeStateMachineCommand({ stateMachineArn: approvalArn }));
    expect(d).toMatchObject({ name: 'approval', status: 'ACTIVE', type: 'STANDARD' });
    expect(JSON.parse(d.definition as string)).toEqual(machines[0]?.definition);
  });

  it('lists executions newest first, filtered by status', async () => {
    const all = await client.send(new ListExecutionsCommand({ stateMachineArn: approvalArn }));
    expect(all.executions?.length).toBeGreaterThanOrEqual(9);
    const starts = (all.executions ?? []).map((e) => e.startDate?.getTime() ?? 0);
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    const failed = await client.send(new ListExecutionsCommand({ stateMachineArn: approvalArn, statusFilter: 'FAILED' }));
    expect(failed.executions?.map((e) => e.status)).toEqual(['FAILED', 'FAILED']);
    expect(local.listExecutions({ statusFilter: 'ABORTED' })).toHaveLength(1);
  });
});
