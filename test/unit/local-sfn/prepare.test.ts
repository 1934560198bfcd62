import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS, prepareDefinition } from '../../../local/sfn/prepare';

const LAMBDA = 'arn:aws:states:::lambda:invoke';
const states = (d: Record<string, unknown>) => d.States as Record<string, Record<string, unknown>>;

describe('prepareDefinition', () => {
  it('scales task timeouts (AWS default 99999999 s when absent) and moves them out of the library', () => {
    const p = prepareDefinition(
      {
        StartAt: 'A',
        TimeoutSeconds: 31_536_000,
        States: {
          A: { Type: 'Task', Resource: `${LAMBDA}.waitForTaskToken`, TimeoutSeconds: 1_209_600, HeartbeatSeconds: 86_400, Next: 'B' },
          B: { Type: 'Task', Resource: LAMBDA, End: true },
        },
      },
      { timeScale: 0.001 },
    );
    expect(p.tasks.get('A')).toMatchObject({ timeoutMs: 1_209_600, heartbeatMs: 86_400, task: { kind: 'lambda-invoke', waitForToken: true } });
    expect(p.tasks.get('B')).toMatchObject({ timeoutMs: 99_999_999, task: { kind: 'lambda-invoke', waitForToken: false } });
    // The library's own timer is parked at the largest value setTimeout accepts.
    expect(states(p.definition).A?.TimeoutSeconds).toBe(MAX_TIMER_MS / 1000);
    expect(states(p.definition).A).not.toHaveProperty('HeartbeatSeconds');
    expect(p.definition.TimeoutSeconds).toBeCloseTo(31_536);
  });

  it('wraps Parameters so TimeoutSecondsPath/HeartbeatSecondsPath are evaluated against the state input', () => {
    const p = prepareDefinition(
      {
        StartAt: 'A',
        States: {
          A: {
            Type: 'Task',
            Resource: LAMBDA,
            Parameters: { FunctionName: 'f', 'Payload.$': '$' },
            TimeoutSecondsPath: '$.t',
            HeartbeatSecondsPath: '$.h',
            End: true,
          },
          // No Parameters: the wrapped params are the whole effective input.
        },
      },
      { timeScale: 1 },
    );
    expect(states(p.definition).A?.Parameters).toEqual({
      params: { FunctionName: 'f', 'Payload.$': '$' },
      'timeout.$': '$.t',
      'heartbeat.$': '$.h',
    });
    expect(p.tasks.get('A')?.timeoutMs).toBeUndefined();
  });

  it('scales Retry intervals but keeps BackoffRate/MaxAttempts, and caps MaxDelaySeconds', () => {
    const p = prepareDefinition(
      {
        StartAt: 'A',
        States: {
          A: {
            Type: 'Task',
            Resource: LAMBDA,
            Retry: [{ ErrorEquals: ['X'], IntervalSeconds: 30, BackoffRate: 2, MaxAttempts: 5, MaxDelaySeconds: 600 }, { ErrorEquals: ['States.Timeout'] }],
            Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'B', ResultPath: '$' }],
            End: true,
          },
          B: { Type: 'Pass', End: true },
        },
      },
      { timeScale: 0.01 },
    );
    const a = states(p.definition).A as { Retry: Record<string, unknown>[]; Catch: Record<string, unknown>[] };
    expect(a.Retry[0]).toEqual({ ErrorEquals: ['X'], IntervalSeconds: 0.3, BackoffRate: 2, MaxAttempts: 5, MaxDelaySeconds: 6 });
    expect(a.Retry[1]).toEqual({
      ErrorEquals: ['States.Timeout', 'States.HeartbeatTimeout'],
      IntervalSeconds: 0.01,
      MaxDelaySeconds: MAX_TIMER_MS / 1000,
    });
    expect(a.Catch[0]).toEqual({ ErrorEquals: ['States.Timeout', 'States.HeartbeatTimeout'], Next: 'B' });
  });

  it('turns Wait Seconds into a capped override and dynamic waits into local tasks', () => {
    const p = prepareDefinition(
      {
        StartAt: 'W1',
        States: {
          W1: { Type: 'Wait', Seconds: 2_592_000, Next: 'W2' },
          W2: { Type: 'Wait', Seconds: 31_536_000, Next: 'W3' },
          W3: { Type: 'Wait', SecondsPath: '$.s', InputPath: '$.x', Next: 'W4' },
          W4: { Type: 'Wait', TimestampPath: '$.ts', Next: 'W5' },
          W5: { Type: 'Wait', Timestamp: '2030-01-01T00:00:00Z', OutputPath: '$.y', End: true },
        },
      },
      { timeScale: 1 },
    );
    expect(p.waitTimeOverrides).toEqual({ W1: MAX_TIMER_MS, W2: MAX_TIMER_MS });
    const s = states(p.definition);
    expect(s.W3).toMatchObject({ Type: 'Task', InputPath: '$.x', Parameters: { 'params.$': '$', 'wait_seconds.$': '$.s' }, Next: 'W4' });
    expect(s.W4).toMatchObject({ Type: 'Task', Parameters: { 'params.$': '$', 'wait_timestamp.$': '$.ts' } });
    expect(s.W5).toMatchObject({ Type: 'Task', OutputPath: '$.y', End: true, Parameters: { wait_timestamp: '2030-01-01T00:00:00Z' } });
    expect(p.tasks.get('W3')?.task).toEqual({ kind: 'wait' });
    expect(prepareDefinition({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, End: true } } }, { timeScale: 0.001 }).waitTimeOverrides).toEqual({
      W: 60,
    });
  });

  it('drops ResultPath "$" and turns a Pass with a falsy Result into a local task', () => {
    const p = prepareDefinition(
      {
        StartAt: 'P',
        States: {
          P: { Type: 'Pass', Result: false, ResultPath: '$.flag', Next: 'Q' },
          Q: { Type: 'Pass', Result: { a: 1 }, ResultPath: '$', End: true },
        },
      },
      { timeScale: 1 },
    );
    expect(states(p.definition).Q).toEqual({ Type: 'Pass', Result: { a: 1 }, End: true });
    expect(states(p.definition).P).toMatchObject({ Type: 'Task', ResultPath: '$.flag', Next: 'Q' });
    expect(p.tasks.get('P')?.task).toEqual({ kind: 'pass', result: false });
  });

  it('records the enclosing Map/Parallel states of every task', () => {
    const p = prepareDefinition(
      {
        StartAt: 'M',
        States: {
          M: {
            Type: 'Map',
            ItemProcessor: {
              StartAt: 'Par',
              States: {
                Par: {
                  Type: 'Parallel',
                  Branches: [{ StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, End: true } } }],
                  End: true,
                },
              },
            },
            End: true,
          },
        },
      },
      { timeScale: 1 },
    );
    expect(p.tasks.get('T')?.ancestors).toEqual(['M', 'Par']);
  });

  it.each([
    ['JSONata', { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, /JSONata/],
    ['Assign', { StartAt: 'P', States: { P: { Type: 'Pass', Assign: { a: 1 }, End: true } } }, /Assign/],
    [
      'ItemReader',
      { StartAt: 'M', States: { M: { Type: 'Map', ItemReader: {}, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } } },
      /ItemReader/,
    ],
    ['an unknown resource', { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', End: true } } }, /resourceHandlers/],
    [
      'a duplicate state name',
      {
        StartAt: 'Par',
        States: {
          Par: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'X', States: { X: { Type: 'Pass', End: true } } },
              { StartAt: 'X', States: { X: { Type: 'Pass', End: true } } },
            ],
            End: true,
          },
        },
      },
      /more than once/,
    ],
  ])('rejects %s', (_what, def, message) => {
    expect(() => prepareDefinition(def, { timeScale: 1 })).toThrow(message);
  });

  it('accepts resources that have a handler, including their .waitForTaskToken form', () => {
    const handled = new Set(['arn:aws:states:::sqs:sendMessage']);
    const p = prepareDefinition(
      {
        StartAt: 'A',
        States: {
          A: { Type: 'Task', Resource: 'arn:aws-cn:states:::sqs:sendMessage', Next: 'B' },
          B: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', End: true },
        },
      },
      { timeScale: 1, handledResources: handled },
    );
    expect(p.tasks.get('A')?.task).toEqual({ kind: 'handler', resource: 'arn:aws:states:::sqs:sendMessage', waitForToken: false });
    expect(p.tasks.get('B')?.task).toEqual({ kind: 'handler', resource: 'arn:aws:states:::sqs:sendMessage', waitForToken: true });
  });

  it('rejects a timeScale that is not a positive number', () => {
    for (const timeScale of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => prepareDefinition({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, { timeScale })).toThrow(/timeScale/);
    }
  });
});
