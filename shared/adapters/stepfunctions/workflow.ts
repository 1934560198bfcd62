/**
 * The Workflow port on Step Functions: one execution per stage, named deterministically so a retried
 * hand-off cannot start a second one (shared/application/stages).
 */
import type { StageExecutionInput, Workflow } from '../../application/ports';
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  sfn,
} from '../aws-clients';

/** Errors that mean the token is no longer waiting: the next await or deadline check sees the counts. */
const GONE = new Set(['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist']);

export function stepFunctionsWorkflow(stateMachineArn: () => string | undefined): Workflow {
  const executionArn = (name: string) => `${stateMachineArn()!.replace(':stateMachine:', ':execution:')}:${name}`;
  return {
    get configured() {
      return Boolean(stateMachineArn());
    },
    async start(name: string, input: StageExecutionInput) {
      try {
        await sfn.send(new StartExecutionCommand({ stateMachineArn: stateMachineArn(), name, input: JSON.stringify(input) }));
        return 'started';
      } catch (err) {
        if (err instanceof ExecutionAlreadyExists || (err as Error).name === 'ExecutionAlreadyExists') return 'already';
        throw err;
      }
    },
    async sendTaskSuccess(taskToken: string, output: unknown) {
      try {
        await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
        return 'sent';
      } catch (err) {
        if (GONE.has((err as Error).name)) return 'gone';
        throw err;
      }
    },
    async sendTaskFailure(taskToken: string, error: string, cause: string) {
      await sfn.send(new SendTaskFailureCommand({ taskToken, error, cause }));
    },
    async describe(name: string) {
      try {
        const d = await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(name) }));
        return { status: d.status ?? 'UNKNOWN', ...(d.error ? { error: d.error } : {}), ...(d.cause ? { cause: d.cause } : {}) };
      } catch (err) {
        if (err instanceof ExecutionDoesNotExist || (err as Error).name === 'ExecutionDoesNotExist') return undefined;
        throw err;
      }
    },
  };
}
