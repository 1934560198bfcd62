/** Moved to test/support/world.ts (the one world); kept importable from here. */
export * from '../support/world';
