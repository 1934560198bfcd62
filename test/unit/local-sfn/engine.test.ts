import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineOptions, ExecutionDescription, LocalSfnEvent } from '../../../local/sfn/engine';
import { LocalSfnEngine, longTimeout } from '../../../local/sfn/engine';
import { MAX_TIMER_MS } from '../../../local/sfn/prepare';

const LAMBDA = 'arn:aws:states:::lambda:invoke';
const CALLBACK = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
const arnOf = (name: string) => `arn:aws:states:ap-southeast-3:000000000000:stateMachine:${name}`;

type Invoke = EngineOptions['invokeLambda'];

const engines: LocalSfnEngine[] = [];
afterEach(() => {
  for (const e of engines.splice(0)) e.shutdown();
  vi.useRealTimers();
});

async function setup(defs: Record<string, Record<string, unknown>>, opts: Partial<EngineOptions> & { invokeLambda?: Invoke } = {}) {
  const calls: Array<{ fn: string; payload: any; at: number }> = [];
  const events: LocalSfnEvent[] = [];
  const invoke: Invoke = opts.invokeLambda ?? (async () => ({ ok: true }));
  const engine = await LocalSfnEngine.create({
    timeScale: 0.001,
    ...opts,
    stateMachines: Object.entries(defs).map(([name, definition]) => ({
      logicalId: name,
      name,
      arn: arnOf(name),
      type: 'STANDARD' as const,
      definition,
    })),
    invokeLambda: async (fn, payload) => {
      calls.push({ fn, payload, at: Date.now() });
      return invoke(fn, payload);
    },
    onEvent: (e) => events.push(e),
  });
  engines.push(engine);
  const start = (machine: string, input: unknown = {}, name?: string) =>
    engine.startExecution({ stateMachineArn: arnOf(machine), input: JSON.stringify(input), name }).executionArn;
  const done = (arn: string): Promise<ExecutionDescription> => engine.waitForExecution(arn, { timeoutMs: 10_000 });
  const output = async (arn: string) => {
    const d = await done(arn);
    expect(d.status, `${d.error}: ${d.cause}`).toBe('SUCCEEDED');
    return JSON.parse(d.output as string);
  };
  /** Waits until `count` callback tasks of the execution (optionally of one state) are pending. */
  const pending = async (arn: string, count = 1, stateName?: string) => {
    for (let i = 0; i < 500; i++) {
      const p = engine.listPendingTasks({ executionArn: arn }).filter((t) => !stateName || t.stateName === stateName);
      if (p.length >= count) return p;
      await new Promise((r) => setTimeout(r, 2));
    }
    throw new Error(`no pending task in ${arn}`);
  };
  return { engine, calls, events, start, done, output, pending };
}

const apiError = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as Error).name;
  }
  return 'no error';
};

describe('LocalSfnEngine: timeouts and heartbeats', () => {
  it('does not let States.TaskFailed catch States.Timeout (AWS semantics)', async () => {
    const { start, output } = await setup({
      m: {
        StartAt: 'Ask',
        States: {
          Ask: {
            Type: 'Task',
            Resource: CALLBACK,
            Parameters: { FunctionName: 'f', Payload: { 'token.$': '$$.Task.Token' } },
            TimeoutSeconds: 20,
            Catch: [
              { ErrorEquals: ['States.TaskFailed'], Next: 'TaskFailed' },
              { ErrorEquals: ['States.ALL'], Next: 'Other' },
            ],
            End: true,
          },
          TaskFailed: { Type: 'Pass', Result: 'task-failed', End: true },
          Other: { Type: 'Pass', End: true },
        },
      },
    });
    expect(await output(start('m'))).toEqual({ Error: 'States.Timeout', Cause: 'States.Timeout' });
  });

  it('lets States.TaskFailed catch a Lambda error whatever its name', async () => {
    const { start, output } = await setup(
      {
        m: {
          StartAt: 'T',
          States: {
            T: {
              Type: 'Task',
              Resource: LAMBDA,
              Parameters: { FunctionName: 'f' },
              Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'Caught' }],
              End: true,
            },
            Caught: { Type: 'Pass', End: true },
          },
        },
      },
      { invokeLambda: async () => Promise.reject(Object.assign(new Error('NIP not found'), { name: 'EmployeeMissing' })) },
    );
    const out = await output(start('m'));
    expect(out.Error).toBe('EmployeeMissing');
    expect(JSON.parse(out.Cause)).toMatchObject({ errorType: 'EmployeeMissing', errorMessage: 'NIP not found' });
  });

  it('times a plain lambda:invoke out after its scaled TimeoutSeconds', async () => {
    const { start, done } = await setup(
      { m: { StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, Parameters: { FunctionName: 'slow' }, TimeoutSeconds: 30, End: true } } } },
      { invokeLambda: () => new Promise(() => undefined) },
    );
    const t0 = Date.now();
    expect(await done(start('m'))).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
  });

  it('scales TimeoutSecondsPath, evaluated against the state input', async () => {
    const { start, done } = await setup({
      m: {
        StartAt: 'Ask',
        States: {
          Ask: {
            Type: 'Task',
            Resource: CALLBACK,
            Parameters: { FunctionName: 'f', Payload: { 'token.$': '$$.Task.Token' } },
            TimeoutSecondsPath: '$.timeout',
            End: true,
          },
        },
      },
    });
    const t0 = Date.now();
    const arn = start('m', { timeout: 50 });
    expect(await done(arn)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(45);
    expect(took).toBeLessThan(2_000);
  });

  it('keeps a callback task alive while heartbeats arrive and fails it with States.HeartbeatTimeout when they stop', async () => {
    const def = {
      StartAt: 'Ask',
      States: {
        Ask: {
          Type: 'Task',
          Resource: CALLBACK,
          Parameters: { FunctionName: 'f', Payload: { 'token.$': '$$.Task.Token' } },
          HeartbeatSeconds: 250,
          TimeoutSeconds: 50_000,
          Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'Late' }],
          End: true,
        },
        Late: { Type: 'Pass', End: true },
      },
    };
    const { engine, start, output, pending } = await setup({ m: def });

    const alive = start('m');
    const [task] = await pending(alive);
    // 300 ms of heartbeats every 25 ms outlive a 250 ms HeartbeatSeconds.
    for (let i = 0; i < 12; i++) {
      await new Promise((r) => setTimeout(r, 25));
      engine.sendTaskHeartbeat({ taskToken: task?.taskToken });
    }
    engine.sendTaskSuccess({ taskToken: task?.taskToken, output: '"done"' });
    expect(await output(alive)).toBe('done');

    const silent = start('m');
    await pending(silent);
    // Matched by a catcher that lists States.Timeout, like AWS.
    expect(await output(silent)).toEqual({ Error: 'States.HeartbeatTimeout', Cause: 'States.Timeout' });
  });

  it('times the whole execution out (TIMED_OUT) after the scaled top-level TimeoutSeconds', async () => {
    const { start, done } = await setup({
      m: { StartAt: 'W', TimeoutSeconds: 20, States: { W: { Type: 'Wait', Seconds: 3600, End: true } } },
    });
    expect(await done(start('m'))).toMatchObject({ status: 'TIMED_OUT' });
  });
});

describe('LocalSfnEngine: time compression', () => {
  it('compresses Wait SecondsPath, TimestampPath and Timestamp (a year in ~0.3 s at 1e-8)', async () => {
    const year = 365 * 24 * 3600;
    const { start, output } = await setup(
      {
        m: {
          StartAt: 'BySeconds',
          States: {
            BySeconds: { Type: 'Wait', SecondsPath: '$.s', Next: 'ByTimestamp' },
            ByTimestamp: { Type: 'Wait', TimestampPath: '$.until', Next: 'Past' },
            Past: { Type: 'Wait', Timestamp: '2001-01-01T00:00:00Z', End: true },
          },
        },
      },
      { timeScale: 1e-8 },
    );
    const input = { s: year, until: new Date(Date.now() + year * 1000).toISOString() };
    const t0 = Date.now();
    expect(await output(start('m', input))).toEqual(input);
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(2 * year * 1000 * 1e-8 - 20);
    expect(took).toBeLessThan(3_000);
  });

  it('keeps Retry backoff: intervals grow by BackoffRate, attempts stop at MaxAttempts', async () => {
    const { start, done, calls } = await setup(
      {
        m: {
          StartAt: 'T',
          States: {
            T: {
              Type: 'Task',
              Resource: LAMBDA,
              Parameters: { FunctionName: 'f' },
              Retry: [{ ErrorEquals: ['Boom'], IntervalSeconds: 20, BackoffRate: 2, MaxAttempts: 3 }],
              End: true,
            },
          },
        },
      },
      { invokeLambda: async () => Promise.reject(Object.assign(new Error('no'), { name: 'Boom' })) },
    );
    expect(await done(start('m'))).toMatchObject({ status: 'FAILED', error: 'Boom' });
    expect(calls).toHaveLength(4);
    const gaps = calls.slice(1).map((c, i) => c.at - (calls[i]?.at ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(18);
    expect(gaps[1]).toBeGreaterThanOrEqual(38);
    expect(gaps[2]).toBeGreaterThanOrEqual(78);
  });

  it('chains timers longer than setTimeout allows instead of firing at once', () => {
    vi.useFakeTimers();
    const fired = vi.fn();
    longTimeout(MAX_TIMER_MS * 2 + 10, fired);
    vi.advanceTimersByTime(MAX_TIMER_MS);
    vi.advanceTimersByTime(MAX_TIMER_MS);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10);
    expect(fired).toHaveBeenCalledOnce();
    const cancelled = vi.fn();
    const cancel = longTimeout(MAX_TIMER_MS + 1, cancelled);
    vi.advanceTimersByTime(MAX_TIMER_MS);
    cancel();
    vi.advanceTimersByTime(10);
    expect(cancelled).not.toHaveBeenCalled();
  });
});

describe('LocalSfnEngine: task tokens', () => {
  it('gives each callback task its own token, also inside intrinsic functions', async () => {
    const { engine, start, output, pending, calls } = await setup({
      m: {
        StartAt: 'A',
        States: {
          A: {
            Type: 'Task',
            Resource: CALLBACK,
            Parameters: { FunctionName: 'f', Payload: { 'link.$': "States.Format('decide?t={}', $$.Task.Token)" } },
            ResultPath: '$.a',
            Next: 'B',
          },
          B: {
            Type: 'Task',
            Resource: CALLBACK,
            Parameters: { FunctionName: 'f', Payload: { 'token.$': '$$.Task.Token' } },
            ResultPath: '$.b',
            End: true,
          },
        },
      },
    });
    const arn = start('m');
    const [a] = await pending(arn, 1, 'A');
    expect(calls[0]?.payload).toEqual({ link: `decide?t=${a?.taskToken}` });
    engine.sendTaskSuccess({ taskToken: a?.taskToken, output: '1' });
    const [b] = await pending(arn, 1, 'B');
    expect(b?.taskToken).not.toBe(a?.taskToken);
    expect(b?.payload).toEqual({ token: b?.taskToken });
    engine.sendTaskSuccess({ taskToken: b?.taskToken, output: '2' });
    expect(await output(arn)).toEqual({ a: 1, b: 2 });
  });

  it('fails a callback task whose Lambda invocation fails, and closes its token', async () => {
    const { engine, start, done, events } = await setup(
      {
        m: {
          StartAt: 'A',
          States: {
            A: { Type: 'Task', Resource: CALLBACK, Parameters: { FunctionName: 'f', Payload: { 'token.$': '$$.Task.Token' } }, End: true },
          },
        },
      },
      { invokeLambda: async () => Promise.reject(Object.assign(new Error('mail down'), { name: 'MailError' })) },
    );
    const d = await done(start('m'));
    expect(d).toMatchObject({ status: 'FAILED', error: 'MailError' });
    const issued = events.find((e) => e.type === 'TaskTokenIssued');
    expect(issued?.type === 'TaskTokenIssued' && apiError(() => engine.sendTaskSuccess({ taskToken: issued.taskToken, output: '{}' }))).toBe('TaskTimedOut');
  });

  it('closes the callback tasks of sibling Map iterations when one iteration fails', async () => {
    const { engine, start, pending, done } = await setup({
      m: {
        StartAt: 'EachRater',
        States: {
          EachRater: {
            Type: 'Map',
            ItemsPath: '$.items',
            ItemProcessor: {
              StartAt: 'Route',
              States: {
                Route: { Type: 'Choice', Choices: [{ Variable: '$.fail', BooleanEquals: true, Next: 'Later' }], Default: 'Ask' },
                Later: { Type: 'Wait', Seconds: 300, Next: 'Broken' },
                Broken: { Type: 'Fail', Error: 'RaterGone' },
                Ask: { Type: 'Task', Resource: CALLBACK, Parameters: { FunctionName: 'f', Payload: { 'token.$': '$$.Task.Token' } }, End: true },
              },
            },
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Escalate', ResultPath: '$.error' }],
            Next: 'Done',
          },
          Escalate: {
            Type: 'Task',
            Resource: CALLBACK,
            Parameters: { FunctionName: 'f', Payload: { 'token.$': '$$.Task.Token' } },
            ResultPath: '$.escalation',
            Next: 'Done',
          },
          Done: { Type: 'Succeed' },
        },
      },
    });
    const arn = start('m', { items: [{ fail: false }, { fail: false }, { fail: true }] });
    const siblings = await pending(arn, 2, 'Ask');
    const [escalation] = await pending(arn, 1, 'Escalate');
    expect(engine.describeExecution(arn).status).toBe('RUNNING');
    for (const s of siblings) expect(apiError(() => engine.sendTaskSuccess({ taskToken: s.taskToken, output: '{}' }))).toBe('TaskTimedOut');
    engine.sendTaskSuccess({ taskToken: escalation?.taskToken, output: '"hr"' });
    const d = await done(arn);
    expect(JSON.parse(d.output as string)).toMatchObject({ error: { Error: 'RaterGone' }, escalation: 'hr' });
  });

  it('routes SendTaskFailure to Retry too, issuing a fresh token for the retry', async () => {
    const { engine, start, pending, output } = await setup({
      m: {
        StartAt: 'A',
        States: {
          A: {
            Type: 'Task',
            Resource: CALLBACK,
            Parameters: { FunctionName: 'f', Payload: { 'token.$': '$$.Task.Token' } },
            Retry: [{ ErrorEquals: ['Bounce'], IntervalSeconds: 1, MaxAttempts: 1 }],
            End: true,
          },
        },
      },
    });
    const arn = start('m');
    const [first] = await pending(arn);
    engine.sendTaskFailure({ taskToken: first?.taskToken, error: 'Bounce', cause: 'mailbox full' });
    let second = first;
    for (let i = 0; i < 200 && second?.taskToken === first?.taskToken; i++) {
      await new Promise((r) => setTimeout(r, 2));
      second = engine.listPendingTasks({ executionArn: arn })[0] ?? first;
    }
    expect(second?.taskToken).not.toBe(first?.taskToken);
    engine.sendTaskSuccess({ taskToken: second?.taskToken, output: '{"ok":1}' });
    expect(await output(arn)).toEqual({ ok: 1 });
  });
});

describe('LocalSfnEngine: resources and data', () => {
  it('invokes a plain Lambda ARN with the effective input and returns its raw result', async () => {
    const { start, output, calls } = await setup(
      {
        m: {
          StartAt: 'T',
          States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:ap-southeast-3:000000000000:function:Calc', InputPath: '$.n', End: true } },
        },
      },
      { invokeLambda: async (_fn, p) => ({ doubled: (p as number) * 2 }) },
    );
    expect(await output(start('m', { n: 21 }))).toEqual({ doubled: 42 });
    expect(calls[0]?.fn).toBe('arn:aws:lambda:ap-southeast-3:000000000000:function:Calc');
  });

  it('returns the lambda:invoke envelope, and StatusCode 202 for InvocationType Event', async () => {
    const { start, output } = await setup(
      {
        m: {
          StartAt: 'Sync',
          States: {
            Sync: { Type: 'Task', Resource: LAMBDA, Parameters: { FunctionName: 'f', 'Payload.$': '$' }, ResultPath: '$.sync', Next: 'Async' },
            Async: { Type: 'Task', Resource: LAMBDA, Parameters: { FunctionName: 'f', InvocationType: 'Event' }, ResultPath: '$.async', End: true },
          },
        },
      },
      { invokeLambda: async () => undefined },
    );
    expect(await output(start('m', { a: 1 }))).toEqual({
      a: 1,
      sync: { ExecutedVersion: '$LATEST', Payload: null, StatusCode: 200 },
      async: { Payload: '', StatusCode: 202 },
    });
  });

  it('retries a Lambda service error thrown as Lambda.ServiceException', async () => {
    let n = 0;
    const { start, output } = await setup(
      {
        m: {
          StartAt: 'T',
          States: {
            T: {
              Type: 'Task',
              Resource: LAMBDA,
              Parameters: { FunctionName: 'f' },
              ResultSelector: { 'v.$': '$.Payload' },
              Retry: [{ ErrorEquals: ['Lambda.ServiceException'], IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2 }],
              End: true,
            },
          },
        },
      },
      {
        invokeLambda: async () => {
          if (n++ < 2) throw Object.assign(new Error('Rate exceeded'), { name: 'Lambda.ServiceException' });
          return 'ok';
        },
      },
    );
    expect(await output(start('m'))).toEqual({ v: 'ok' });
    expect(n).toBe(3);
  });

  it('starts child executions: request/response, .sync:2, and idempotent by name', async () => {
    const { start, output, engine } = await setup({
      child: { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'got.$': '$.v' }, End: true } } },
      parent: {
        StartAt: 'Fire',
        States: {
          Fire: {
            Type: 'Task',
            Resource: 'arn:aws:states:::states:startExecution',
            Parameters: { StateMachineArn: arnOf('child'), 'Name.$': "States.Format('{}-stage2', $.cycle)", Input: { v: 1 } },
            ResultSelector: { 'arn.$': '$.ExecutionArn' },
            ResultPath: '$.fired',
            Next: 'Run',
          },
          Run: {
            Type: 'Task',
            Resource: 'arn:aws:states:::states:startExecution.sync:2',
            Parameters: { StateMachineArn: arnOf('child'), Input: { v: 2 } },
            ResultSelector: { 'out.$': '$.Output', 'status.$': '$.Status' },
            ResultPath: '$.ran',
            End: true,
          },
        },
      },
    });
    const out = await output(start('parent', { cycle: 'c1' }));
    expect(out.fired.arn).toBe('arn:aws:states:ap-southeast-3:000000000000:execution:child:c1-stage2');
    expect(out.ran).toEqual({ out: { got: 2 }, status: 'SUCCEEDED' });
    expect(engine.listExecutions({ stateMachineArn: arnOf('child') })).toHaveLength(2);
  });

  it('starts a child with .waitForTaskToken and waits for the token the child sends back', async () => {
    const { start, output, engine, pending } = await setup({
      child: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      parent: {
        StartAt: 'Delegate',
        States: {
          Delegate: {
            Type: 'Task',
            Resource: 'arn:aws:states:::states:startExecution.waitForTaskToken',
            Parameters: { StateMachineArn: arnOf('child'), Input: { 'callback.$': '$$.Task.Token' } },
            End: true,
          },
        },
      },
    });
    const arn = start('parent');
    const [task] = await pending(arn);
    const [child] = engine.listExecutions({ stateMachineArn: arnOf('child') });
    expect(JSON.parse(child?.input ?? '{}')).toEqual({ callback: task?.taskToken });
    engine.sendTaskSuccess({ taskToken: task?.taskToken, output: '{"from":"child"}' });
    expect(await output(arn)).toEqual({ from: 'child' });
  });

  it('runs other resources through resourceHandlers (and refuses to start without one)', async () => {
    const puts: unknown[] = [];
    const def = {
      StartAt: 'Put',
      States: {
        Put: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:putItem',
          Parameters: { TableName: 'T', Item: { pk: { 'S.$': '$.id' } } },
          ResultPath: null,
          End: true,
        },
      },
    };
    const { start, output } = await setup({ m: def }, { resourceHandlers: { 'arn:aws:states:::dynamodb:putItem': (p) => (puts.push(p), {}) } });
    expect(await output(start('m', { id: 'e1' }))).toEqual({ id: 'e1' });
    expect(puts).toEqual([{ TableName: 'T', Item: { pk: { S: 'e1' } } }]);
    await expect(setup({ m: def })).rejects.toThrow(/dynamodb:putItem.*resourceHandlers/);
  });

  it('fails with States.DataLimitExceeded (not caught by States.ALL) when a result passes 256 KB', async () => {
    const { start, done } = await setup(
      {
        m: {
          StartAt: 'Big',
          States: {
            Big: {
              Type: 'Task',
              Resource: LAMBDA,
              Parameters: { FunctionName: 'f' },
              Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
              End: true,
            },
            Caught: { Type: 'Pass', End: true },
          },
        },
      },
      { invokeLambda: async () => 'x'.repeat(300_000) },
    );
    expect(await done(start('m'))).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });

  it('reports Fail states like AWS and fixes the library quirks around Pass/ResultPath', async () => {
    const { start, done, output } = await setup({
      fail: { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'NotEligible', Cause: 'masa kerja < 6 bulan' } } },
      bare: { StartAt: 'F', States: { F: { Type: 'Fail' } } },
      pass: {
        StartAt: 'Flag',
        States: {
          Flag: { Type: 'Pass', Result: false, ResultPath: '$.flag', Next: 'Whole' },
          Whole: { Type: 'Pass', Result: { replaced: true }, ResultPath: '$', End: true },
        },
      },
    });
    expect(await done(start('fail'))).toMatchObject({ status: 'FAILED', error: 'NotEligible', cause: 'masa kerja < 6 bulan' });
    const bare = await done(start('bare'));
    expect(bare.status).toBe('FAILED');
    expect(bare.error).toBeUndefined();
    expect(await output(start('pass', { a: 1 }))).toEqual({ replaced: true });
  });

  it('rejects definitions the library would silently mis-run', async () => {
    await expect(setup({ m: { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% 1 %}', End: true } } } })).rejects.toThrow(
      /JSONata/,
    );
  });

  it('validates StartExecution input and names', async () => {
    const { engine } = await setup({ m: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } });
    const s = (req: Record<string, unknown>) => () => engine.startExecution({ stateMachineArn: arnOf('m'), ...req });
    expect(apiError(s({ input: 'x'.repeat(262_145) }))).toBe('ValidationException');
    expect(apiError(s({ name: 'a'.repeat(81) }))).toBe('InvalidName');
    expect(apiError(s({ name: 'a/b' }))).toBe('InvalidName');
    expect(apiError(() => engine.startExecution({ stateMachineArn: 'nope' }))).toBe('InvalidArn');
    expect(apiError(() => engine.startExecution({}))).toBe('ValidationException');
    expect(apiError(() => engine.sendTaskSuccess({ taskToken: '', output: '{}' }))).toBe('ValidationException');
  });
});
