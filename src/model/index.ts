export * from './types.ts';
export * from './errors.ts';
export * from './evidence.ts';
export * from './enums.ts';
