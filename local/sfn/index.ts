/** Local Step Functions: template -> ASL resolver, in-memory runtime and its HTTP endpoint. */
export { lambdaFunctionName, resolveStateMachines, resolveTemplateValue, templateExports } from './template-asl';
export type { ResolveOptions, ResolvedStateMachine } from './template-asl';
export { startLocalStepFunctions } from './server';
export type { LocalStepFunctions, LocalStepFunctionsOptions } from './server';
export { LocalSfnEngine, SfnApiError, PAYLOAD_LIMIT_BYTES } from './engine';
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
