/**
 * Heaviest chain: of items that each cover a range of old and new positions, the subset with the
 * largest total weight whose ranges strictly increase on both sides, i.e. the paragraphs that can
 * stay where they are while everything else is a move. O(k log k): items are taken in old order
 * and a Fenwick tree keeps the best chain ending at each new position.
 */
export interface ChainItem {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
  weight: number;
}

export function heaviestChain<T extends ChainItem>(items: T[], newLength: number): T[] {
  if (items.length === 0) return [];
  const byStart = items.map((_, k) => k).sort((x, y) => items[x].oldStart - items[y].oldStart);
  const byEnd = items.map((_, k) => k).sort((x, y) => items[x].oldEnd - items[y].oldEnd);
  const size = newLength + 1;
  const treeValue = new Float64Array(size + 1);
  const treeItem = new Int32Array(size + 1).fill(-1);
  const value = new Float64Array(items.length);
  const previous = new Int32Array(items.length).fill(-1);
  let inserted = 0;
  for (const k of byStart) {
    const item = items[k];
    // Items that end (on the old side) before this one starts may precede it.
    for (; inserted < byEnd.length && items[byEnd[inserted]].oldEnd < item.oldStart; inserted++) {
      const e = byEnd[inserted];
      for (let p = items[e].newEnd + 1; p <= size; p += p & -p) {
        if (value[e] > treeValue[p]) {
          treeValue[p] = value[e];
          treeItem[p] = e;
        }
      }
    }
    let best = 0;
    let from = -1;
    for (let p = item.newStart; p > 0; p -= p & -p) {
      if (treeValue[p] > best) {
        best = treeValue[p];
        from = treeItem[p];
      }
    }
    value[k] = best + item.weight;
    previous[k] = from;
  }
  let end = 0;
  for (let k = 1; k < items.length; k++) if (value[k] > value[end]) end = k;
  const chain: T[] = [];
  for (let k = end; k !== -1; k = previous[k]) chain.push(items[k]);
  return chain.reverse();
}
