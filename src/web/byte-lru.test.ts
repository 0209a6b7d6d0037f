import { describe, expect, it } from 'vitest';
import { ByteLru } from './byte-lru.ts';

describe('ByteLru', () => {
  it('drops the least recently used values once over its byte budget', () => {
    const lru = new ByteLru<string>(10);
    lru.set('a', 'A', 4);
    lru.set('b', 'B', 4);
    expect(lru.get('a')).toBe('A'); // a is now the most recently used
    lru.set('c', 'C', 4); // 12 bytes: b, the coldest, goes
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c')]).toEqual(['A', 'C']);
    expect([lru.size, lru.bytes]).toEqual([2, 8]);
  });

  it('replaces a key without counting it twice, keeps nothing larger than the budget, and clears', () => {
    const lru = new ByteLru<number>(10);
    lru.set('a', 1, 6);
    lru.set('a', 2, 6);
    expect([lru.get('a'), lru.bytes]).toEqual([2, 6]);
    lru.set('huge', 3, 11);
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.get('a')).toBe(2);
    lru.delete('a');
    expect([lru.size, lru.bytes]).toEqual([0, 0]);
    lru.set('b', 4, 5);
    lru.clear();
    expect([lru.size, lru.bytes, lru.get('b')]).toEqual([0, 0, undefined]);
  });
});
