/**
 * HR reports as pure functions of their inputs: the CSV export of a cycle, the cycle report page and
 * the roster import from CSV. No AWS, no clock, no I/O — the HR API and `npm start` wire them in.
 */

export * from '../../../application/roster/roster-import';
export * from './csv';
export * from './figures';
export * from './labels';
export * from './page';
