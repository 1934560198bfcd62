/** Moved to test/support/memory-table.ts (the one memory table); kept importable from here. */
export * from '../support/memory-table';
