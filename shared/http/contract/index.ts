/** The HTTP contract's request schemas, by area; shared/http/openapi.ts documents exactly these. */

export * from './citizens';
export * from './common';
export * from './console';
export * from './decisions';
export * from './documents';
export * from './evaluation';
export * from './evidence';
export * from './hr';
export * from './me';
export * from './skm';
