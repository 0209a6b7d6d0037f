export { diffVersions, diffField } from './engine.ts';
export { renderTerminalDiff, type TerminalOptions } from './terminal.ts';
export { countWords, tokenize } from './tokens.ts';
export type * from './types.ts';
export { foldUnchanged, numberRows, type FoldedRow } from './fold.ts';
export { inlineParts, inlineSegments } from './inline.ts';
export {
  classifyChange,
  versionChange,
  labelsFor,
  leftIndices,
  rightIndices,
  RULES,
  REWRITE_SHARE,
  PREVIEW_CHARS,
  type ChangeFacts,
  type LabelRule,
} from './labels.ts';
export { CHANGE_LABELS, CHANGE_LEVELS, isChangeLabel, isChangeLevel } from './label-ids.ts';
export { sentenceEdits, splitSentences } from './sentences.ts';
