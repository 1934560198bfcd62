/** Moved to test/support/lambda.ts (environment, context, events) and test/support/world.ts (people); kept importable from here. */
export { context, dir, httpEvent, setEnv } from '../support/lambda';
export { NIP } from '../support/world';
