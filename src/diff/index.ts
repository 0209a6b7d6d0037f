export { diffVersions, diffField } from './engine.ts';
export { renderTerminalDiff, type TerminalOptions } from './terminal.ts';
export { countWords, tokenize } from './tokens.ts';
export type * from './types.ts';
export { foldUnchanged, numberRows, type FoldedRow } from './fold.ts';
export { inlineSegments } from './inline.ts';
