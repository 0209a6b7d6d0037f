import { describe, expect, it } from 'vitest';
import { countWords, tokenize } from './tokens.ts';

describe('tokenize', () => {
  it.each([
    ['words, spaces and punctuation', 'Hurt, police said.', ['Hurt', ',', ' ', 'police', ' ', 'said', '.']],
    ['numbers keep their separators', 'cost 1,200.50 at 10:30', ['cost', ' ', '1,200.50', ' ', 'at', ' ', '10:30']],
    ['ordinals stay whole', 'the 3rd time', ['the', ' ', '3rd', ' ', 'time']],
    ['apostrophes inside words', "don't it’s", ["don't", ' ', 'it’s']],
    ['hyphens split compounds', 'well-known', ['well', '-', 'known']],
    ['accented letters and combining marks', 'cafe\u0301 naïve', ['cafe\u0301', ' ', 'naïve']],
    ['Chinese per character', '北京天气', ['北', '京', '天', '气']],
    ['Japanese per character, mixed with Latin', '東京のNHK', ['東', '京', 'の', 'NHK']],
    ['Thai per character with its marks', 'ง่าย', ['ง่', 'า', 'ย']],
    ['Korean uses spaces, so words', '한국어 문장', ['한국어', ' ', '문장']],
    ['an emoji with its skin tone is one token', 'ok 👍🏽 then', ['ok', ' ', '👍🏽', ' ', 'then']],
    ['a flag is one token', '🇺🇦🇺🇸', ['🇺🇦', '🇺🇸']],
    ['a keycap is one token, and a number', '1️⃣ go', ['1️⃣', ' ', 'go']],
    ['a family emoji (joiner sequence) is one token', 'we 👨‍👩‍👧 all', ['we', ' ', '👨‍👩‍👧', ' ', 'all']],
    ['an Indic conjunct stays inside its word', 'क्षत्रिय नमस्ते', ['क्षत्रिय', ' ', 'नमस्ते']],
    ['a combining mark after a symbol stays with it', 'a #\u0301 b', ['a', ' ', '#\u0301', ' ', 'b']],
    ['Thai clusters with emoji', 'ง่าย😀', ['ง่', 'า', 'ย', '😀']],
    ['empty', '', []],
  ])('%s', (_name, text, expected) => {
    expect(tokenize(text)).toEqual(expected);
    expect(tokenize(text).join('')).toBe(text);
  });
});

describe('countWords', () => {
  it.each([
    ['At least 12 people, police said.', 6],
    ['— , .', 0],
    ['北京天气', 4],
    ['', 0],
  ])('%j has %d words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});
