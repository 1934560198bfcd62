/** Local Step Functions: template -> ASL resolver, in-memory runtime and its HTTP endpoint. */

export type {
  EngineOptions,
  ExecutionDescription,
  ExecutionStatus,
  LibraryEvent,
  LocalSfnEvent,
  PendingTask,
  ResourceHandler,
  ResourceHandlerContext,
  TaskTokenOutcome,
} from './engine';
export { LocalSfnEngine, PAYLOAD_LIMIT_BYTES, SfnApiError } from './engine';
export type { LocalStepFunctions, LocalStepFunctionsOptions } from './server';
export { startLocalStepFunctions } from './server';
export type { ResolvedStateMachine, ResolveOptions } from './template-asl';
export { lambdaFunctionName, resolveStateMachines, resolveTemplateValue, templateExports } from './template-asl';
