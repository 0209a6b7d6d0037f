import type { Block } from '../types.ts';

// Tiny constructors so the story files read like articles rather than object literals.
export const p = (text: string): Block => ({ kind: 'p', text });
export const h2 = (text: string): Block => ({ kind: 'h2', text });
export const quote = (text: string): Block => ({ kind: 'quote', text });
export const list = (...items: string[]): Block => ({ kind: 'list', items });
