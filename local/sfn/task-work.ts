/**
 * What a Task state does once its timers are set: a Pass or Wait, a Lambda call (plain, the
 * `lambda:invoke` integration, `.waitForTaskToken`), a child execution (request, `.sync`, `.sync:2`,
 * `.waitForTaskToken`), or a registered resource handler. The engine supplies the host.
 */
import type { ExecutionDescription, LocalSfnEvent, ResourceHandler, TaskRun } from './engine-types';
import { checkedJson, fatal, isRecord, lambdaError, taskError, toError } from './engine-util';
import type { WrappedInput } from './prepare';
import type { TaskTokens } from './task-tokens';

export interface TaskHost {
  readonly tokens: TaskTokens;
  readonly handlers: ReadonlyMap<string, ResourceHandler>;
  invoke(fn: string, payload: unknown): Promise<unknown>;
  waitMs(w: WrappedInput): number;
  addTimer(run: TaskRun, ms: number, fn: () => void): () => void;
  emit(e: LocalSfnEvent): void;
  startExecution(req: { stateMachineArn?: unknown; name?: unknown; input?: unknown }): { executionArn: string; startDate: Date };
  waitForExecution(executionArn: string): Promise<ExecutionDescription>;
}

export function startWork(host: TaskHost, run: TaskRun, w: WrappedInput, heartbeatMs: number | undefined): void {
  const { plan, exec } = run;
  const task = plan.task;
  const ok = (value: unknown): void => {
    try {
      run.resolve(checkedJson(value, plan.stateName));
    } catch (e) {
      run.reject(e as Error);
    }
  };
  const started = (target?: string): void =>
    host.emit({ type: 'TaskStarted', executionArn: exec.arn, stateName: plan.stateName, resource: plan.resource, target });

  switch (task.kind) {
    case 'pass':
      ok(task.result);
      return;
    case 'wait': {
      const ms = host.waitMs(w);
      host.addTimer(run, ms, () => run.resolve(w.params));
      return;
    }
    case 'lambda-function':
      started(task.functionArn);
      host.invoke(task.functionArn, w.params).then(ok, (e) => run.reject(lambdaError(e)));
      return;
    case 'lambda-invoke': {
      const p = isRecord(w.params) ? w.params : {};
      const fn = p.FunctionName;
      if (typeof fn !== 'string' || fn === '') throw fatal('States.Runtime', `${plan.stateName}: Parameters.FunctionName is required`);
      started(fn);
      if (task.waitForToken) {
        const token = host.tokens.issue(run, heartbeatMs);
        const payload = host.tokens.withToken(p.Payload ?? {}, token);
        run.payload = payload;
        host.invoke(fn, payload).then(
          () => undefined,
          (e) => {
            if (p.InvocationType === 'Event' || run.settled) return;
            host.tokens.close(run, 'worker-error');
            run.reject(lambdaError(e));
          },
        );
        return;
      }
      const payload = p.Payload === undefined ? {} : p.Payload;
      run.payload = payload;
      if (p.InvocationType === 'Event') {
        host
          .invoke(fn, payload)
          .catch((e: unknown) => host.emit({ type: 'Warning', executionArn: exec.arn, message: `async invoke of ${fn} failed: ${String(e)}` }));
        ok({ Payload: '', StatusCode: 202 });
        return;
      }
      if (p.InvocationType === 'DryRun') {
        ok({ Payload: '', StatusCode: 204 });
        return;
      }
      host.invoke(fn, payload).then(
        (result) => ok({ ExecutedVersion: '$LATEST', Payload: result === undefined ? null : result, StatusCode: 200 }),
        (e) => run.reject(lambdaError(e)),
      );
      return;
    }
    case 'start-execution': {
      const p = isRecord(w.params) ? w.params : {};
      const token = task.mode === 'token' ? host.tokens.issue(run, heartbeatMs) : undefined;
      let input: unknown = p.Input === undefined ? {} : p.Input;
      if (token !== undefined) input = host.tokens.withToken(input, token);
      run.payload = input;
      started(String(p.StateMachineArn));
      let child: { executionArn: string; startDate: Date };
      try {
        child = host.startExecution({
          stateMachineArn: p.StateMachineArn,
          name: p.Name,
          input: typeof input === 'string' ? input : JSON.stringify(input),
        });
      } catch (e) {
        const err = e as Error;
        throw taskError(`StepFunctions.${err.name}Exception`.replace('ExceptionException', 'Exception'), err.message);
      }
      if (task.mode === 'request') {
        ok({ ExecutionArn: child.executionArn, StartDate: child.startDate.getTime() });
      } else if (task.mode === 'sync' || task.mode === 'sync2') {
        void host.waitForExecution(child.executionArn).then((d) => {
          const parse = task.mode === 'sync2';
          const out = {
            ExecutionArn: d.executionArn,
            Input: parse ? JSON.parse(d.input) : d.input,
            InputDetails: { Included: true },
            Name: d.name,
            Output: d.output === undefined ? undefined : parse ? JSON.parse(d.output) : d.output,
            OutputDetails: { Included: true },
            StartDate: d.startDate.getTime(),
            StateMachineArn: d.stateMachineArn,
            Status: d.status,
            StopDate: d.stopDate?.getTime(),
          };
          if (d.status === 'SUCCEEDED') ok(out);
          else run.reject(taskError('States.TaskFailed', JSON.stringify({ ...out, Error: d.error, Cause: d.cause })));
        });
      }
      return;
    }
    case 'handler': {
      const handler = host.handlers.get(task.resource);
      if (!handler) throw fatal('States.Runtime', `no handler for ${task.resource}`);
      started(task.resource);
      const token = task.waitForToken ? host.tokens.issue(run, heartbeatMs) : undefined;
      const params = token === undefined ? w.params : host.tokens.withToken(w.params, token);
      run.payload = params;
      Promise.resolve()
        .then(() => handler(params, { executionArn: exec.arn, stateName: plan.stateName, taskToken: token }))
        .then(
          (result) => {
            if (token === undefined) ok(result);
          },
          (e: unknown) => {
            if (run.settled) return;
            if (token !== undefined) host.tokens.close(run, 'worker-error');
            run.reject(toError(e));
          },
        );
      return;
    }
  }
}
