import { describe, expect, it } from 'vitest';
import { NameTable } from './names.ts';

describe('NameTable', () => {
  it('reads names as toLowerCase does, known or not, in a table small enough to collide', () => {
    const names = ['div', 'DIV', 'Div', 'data-component', 'DATA-COMPONENT', 'a', '', 'x-İ', 'ſpan', 'K', 'a-very-long-custom-element-name'];
    names.push('ÀB', '@click', 'v-on:x', 'span', 'SPAN', 'p', 'P', 'b', 'i');
    // Kept names are the engine's own copies (Object.keys of an object): keys it treats apart.
    names.push('1', '01', '4294967295', '-0', '__proto__', '__PROTO__', 'constructor', 'toString', 'length');
    const table = new NameTable(4);
    for (let round = 0; round < 3; round++)
      for (const name of names) {
        const text = `<${name} x>`;
        expect(table.lower(text, 1, 1 + name.length)).toBe(name.toLowerCase());
      }
  });

  it('reads a name of half a million characters (hostile markup) without keeping it', () => {
    const table = new NameTable(4);
    const name = 'Ab'.repeat(250_000);
    const text = `<p ${name}=1>`;
    for (let round = 0; round < 2; round++) expect(table.lower(text, 3, 3 + name.length)).toBe(name.toLowerCase());
  });
});
