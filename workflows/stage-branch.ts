/**
 * One stage of the cycle as a readable chain of states:
 *
 *   <Stage> → WaitForWindow → Open (paged) → Notify (paged) → AwaitPeople ⟲ (NextDay → CheckDeadlines → Notify)
 *           → Close (paged) → Checkpoint → Done
 *
 * People never hold a Map slot: they act through the API or email links, which write to DynamoDB; the
 * one task token per stage (stored server-side by the await function) is released when the stage's
 * pending count reaches zero, or the daily tick decides the stage is over.
 */
import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';

export interface StageFunctions {
  open: IFunction;
  notify: IFunction;
  await: IFunction;
  tick: IFunction;
  close: IFunction;
  advance: IFunction;
  failed: IFunction;
}

/** One "day" of the stage clock: the await task times out after it and the deadlines are re-checked. */
export const TICK = Duration.days(1);

/** The state carried between states: ids and counters only (never documents), far below 256 KB. */
export const STAGE_STATE = {
  'cycleId.$': '$.cycleId',
  'stage.$': '$.stage',
  'tick.$': '$.tick',
  'waitSeconds.$': '$.waitSeconds',
} as const;

/** A periodic evaluation running on its own carries its period's id as well (stage = 'PERIOD'). */
export const PERIOD_STATE = { ...STAGE_STATE, 'periodId.$': '$.periodId' } as const;

type State = typeof STAGE_STATE | typeof PERIOD_STATE;

function invoke(scope: Construct, id: string, fn: IFunction, payload: Record<string, unknown>, resultSelector?: Record<string, string>) {
  const task = new tasks.LambdaInvoke(scope, id, {
    lambdaFunction: fn,
    payload: sfn.TaskInput.fromObject(payload),
    payloadResponseOnly: false,
    retryOnServiceExceptions: true,
    resultSelector,
    resultPath: resultSelector ? '$.result' : sfn.JsonPath.DISCARD,
  });
  // Every handler is idempotent, so any task failure is safe to retry; jitter spreads retries of a
  // large cohort's executions so they do not hit DynamoDB in lock-step.
  task.addRetry({
    errors: ['States.TaskFailed'],
    interval: Duration.seconds(2),
    maxAttempts: 4,
    backoffRate: 2,
    maxDelay: Duration.seconds(60),
    jitterStrategy: sfn.JitterType.FULL,
  });
  return task;
}

/** "No cursor": an empty string, not null (null in Parameters is easy to lose between engines). */
export const NO_CURSOR = '';

/** A Lambda step that works through the cohort one page at a time, looping while it returns a cursor. */
function paged(scope: Construct, name: string, fn: IFunction, failure: sfn.IChainable, next: sfn.IChainable, carried: State) {
  const step = invoke(scope, name, fn, { ...carried, 'cursor.$': '$.cursor' }, { 'cursor.$': '$.Payload.cursor' });
  step.addCatch(failure, { errors: ['States.ALL'], resultPath: '$.error' });
  const nextPage = new sfn.Pass(scope, `${name}.NextPage`, {
    parameters: { ...carried, 'cursor.$': '$.result.cursor' },
  });
  const firstPageOfNext = new sfn.Pass(scope, `${name}.Finished`, { parameters: { ...carried, cursor: NO_CURSOR } });
  const more = new sfn.Choice(scope, `${name}.MorePages`)
    .when(sfn.Condition.stringEquals('$.result.cursor', NO_CURSOR), firstPageOfNext.next(next))
    .otherwise(nextPage.next(step));
  return step.next(more);
}

/**
 * `carried` is what every state passes on: STAGE_STATE for a stage, PERIOD_STATE for a period (the same
 * chain; a period's checkpoint starts the next period instead of the next stage, and its deadline
 * check never answers "overdue": see shared/application/stages/periods.ts).
 */
export function stageBranch(scope: Construct, stateName: string, fns: StageFunctions, carried: State = STAGE_STATE): sfn.IChainable {
  const failed = invoke(scope, `${stateName}.RecordFailure`, fns.failed, {
    ...carried,
    'error.$': '$.error',
  }).next(new sfn.Fail(scope, `${stateName}.Failed`, { error: 'StageFailed', cause: `${stateName} failed; see the cycle's failure record` }));

  const done = new sfn.Succeed(scope, `${stateName}.Done`);
  const checkpoint = invoke(scope, `${stateName}.Checkpoint`, fns.advance, carried);
  checkpoint.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.error' });
  checkpoint.next(done);

  const close = paged(scope, `${stateName}.Close`, fns.close, failed, checkpoint, carried);

  const awaitPeople = new tasks.LambdaInvoke(scope, `${stateName}.AwaitPeople`, {
    lambdaFunction: fns.await,
    integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
    payload: sfn.TaskInput.fromObject({ ...carried, taskToken: sfn.JsonPath.taskToken }),
    taskTimeout: sfn.Timeout.duration(TICK),
    resultPath: sfn.JsonPath.DISCARD,
  });
  awaitPeople.addRetry({
    errors: ['Lambda.ServiceException', 'Lambda.TooManyRequestsException', 'Lambda.SdkClientException'],
    interval: Duration.seconds(2),
    maxAttempts: 4,
    backoffRate: 2,
    jitterStrategy: sfn.JitterType.FULL,
  });

  const nextDay = new sfn.Pass(scope, `${stateName}.NextDay`, {
    parameters: { ...carried, 'tick.$': 'States.MathAdd($.tick, 1)' },
  });
  const checkDeadlines = invoke(scope, `${stateName}.CheckDeadlines`, fns.tick, carried, { 'action.$': '$.Payload.action' });
  checkDeadlines.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.error' });
  const overdue = new sfn.Pass(scope, `${stateName}.Overdue`, {
    parameters: { ...carried, error: { Error: 'StageOverdue', Cause: 'The stage passed its last deadline with decisions still open' } },
  }).next(failed);
  // Digests go out a page of recipients at a time (one per rater or approver whose digest is due).
  const notify = paged(scope, `${stateName}.Notify`, fns.notify, failed, awaitPeople, carried);
  const notifyFromTick = new sfn.Pass(scope, `${stateName}.NotifyAfterTick`, { parameters: { ...carried, cursor: NO_CURSOR } }).next(notify);
  const closeFromTick = new sfn.Pass(scope, `${stateName}.DeadlineReached`, { parameters: { ...carried, cursor: NO_CURSOR } });
  const deadlineAction = new sfn.Choice(scope, `${stateName}.DeadlineAction`)
    .when(sfn.Condition.stringEquals('$.result.action', 'close'), closeFromTick.next(close))
    .when(sfn.Condition.stringEquals('$.result.action', 'overdue'), overdue)
    .otherwise(notifyFromTick);

  awaitPeople.addCatch(nextDay.next(checkDeadlines).next(deadlineAction), { errors: ['States.Timeout'], resultPath: sfn.JsonPath.DISCARD });
  awaitPeople.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.error' });
  const allDone = new sfn.Pass(scope, `${stateName}.EveryoneActed`, { parameters: { ...carried, cursor: NO_CURSOR } });
  awaitPeople.next(allDone).next(close);

  const openThenNotify = paged(scope, `${stateName}.Open`, fns.open, failed, notify, carried);
  const waitForWindow = new sfn.Wait(scope, `${stateName}.WaitForWindow`, {
    time: sfn.WaitTime.secondsPath('$.waitSeconds'),
  });
  const entry = new sfn.Pass(scope, stateName, { parameters: { ...carried, cursor: NO_CURSOR } });
  return entry.next(waitForWindow).next(openThenNotify);
}
