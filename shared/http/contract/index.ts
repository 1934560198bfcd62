/** The HTTP contract's request schemas, by area; shared/http/openapi.ts documents exactly these. */

export * from './citizens';
export * from './common';
export * from './decisions';
export * from './evaluation';
export * from './hr';
export * from './skm';
