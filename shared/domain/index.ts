/**
 * The domain rules engine: PermenPAN-RB 6/2022 performance scoring, calibration, SKM and follow-up as
 * pure functions of their inputs and a versioned policy. No I/O, no clock, no AWS: the same inputs and
 * policy id always give the same result. See README.md in this folder for the rules and choices.
 */

export * from './behaviour';
export * from './berakhlak';
export * from './catalogue';
export * from './distribution';
export * from './errors';
export * from './evaluate';
export * from './followup';
export * from './legacy';
export * from './policies';
export * from './policy';
export * from './predikat';
export * from './ratings';
export * from './results';
export * from './skm/survey';
export * from './skp';
export * from './text';
