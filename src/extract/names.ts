/**
 * Lowercased names (tags, attributes, class words), each kept once: slicing a name from a page
 * makes a new string per occurrence, and the names stay in the tree. A name is looked up
 * straight from the text's characters in a small table (a slot per hash, the last name seen
 * wins), so a known name costs no new string; names with non-ASCII characters get toLowerCase's
 * own rules and are not kept.
 */
/** The longest name a table keeps. */
const MAX_KEPT = 256;

export class NameTable {
  private readonly slots: string[];
  private readonly mask: number;
  private readonly codes: number[] = [];

  /** `size`: a power of two. */
  constructor(size: number) {
    this.slots = new Array<string>(size).fill('');
    this.mask = size - 1;
  }

  /** `text.slice(start, end).toLowerCase()`, the same string as the last time it was seen. */
  lower(text: string, start: number, end: number): string {
    const length = end - start;
    let h = length;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) return text.slice(start, end).toLowerCase();
      h = (Math.imul(h, 31) + (c >= 0x41 && c <= 0x5a ? c | 0x20 : c)) | 0;
    }
    const slot = h & this.mask;
    const known = this.slots[slot];
    if (known.length === length) {
      let i = 0;
      while (i < length) {
        const c = text.charCodeAt(start + i);
        if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== known.charCodeAt(i)) break;
        i++;
      }
      if (i === length) return known;
    }
    // A name longer than MAX_KEPT (hostile markup, never a real tag or attribute) is not kept: its
    // flat copy would take one argument per character, more than a call can take.
    if (length > MAX_KEPT) return text.slice(start, end).toLowerCase();
    const name = internalized(length <= 12 ? text.slice(start, end).toLowerCase() : this.flatLower(text, start, end));
    this.slots[slot] = name;
    return name;
  }

  /** An ASCII name lowercased as a string of its own: a slice of 13 characters or more would keep the whole text alive in the table. */
  private flatLower(text: string, start: number, end: number): string {
    const codes = this.codes;
    codes.length = end - start;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      codes[i - start] = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
    }
    return String.fromCharCode(...codes);
  }
}

/**
 * The string made the engine's own copy, the one property keys and literals use (V8
 * "internalizes" them): a key that is not must be looked up in the engine's string table at each
 * property access and compared by content, one that is is found by its address. Names kept here
 * end up as keys of `attribs`, in the Sets and token tables the passes ask: they are internalized
 * once, when first kept. Using a string as a property key makes it the engine's copy (or a
 * forward to it, V8's ThinString); a store and a delete on a dictionary of its own does that at a
 * quarter of the cost of reading the key back from a new object (Object.keys), the class words'
 * misses alone being 99,000 on both sets.
 */
const POOL: Record<string, number> = Object.create(null) as Record<string, number>;
function internalized(name: string): string {
  POOL[name] = 0;
  delete POOL[name];
  return name;
}
