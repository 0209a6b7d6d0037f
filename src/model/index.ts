export * from './types.ts';
export * from './admin.ts';
export * from './websub.ts';
export * from './errors.ts';
export * from './evidence.ts';
export * from './notify.ts';
export * from './enums.ts';
