import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layering of DEVELOPERS.md ("Allowed imports (downward only)"), as data: a stage may import
// the stages of every layer below its own, and nothing of its own layer or above.
const LAYERS: string[][] = [
  ['cli'],
  ['web'],
  ['tracker', 'admin', 'evidence', 'notify'],
  ['fetch', 'feeds', 'extract', 'diff'],
  ['store'],
  ['text', 'config', 'log', 'metrics', 'daemon'],
  ['model'],
];
/** Stages with a narrower list than their layer gives them: extract/ and diff/ are pure, so no store. */
const ONLY: Record<string, string[]> = {
  extract: ['text', 'model'],
  diff: ['text', 'model'],
  notify: ['diff', 'cards', 'store', 'text', 'config', 'log', 'metrics', 'daemon', 'model'],
  cards: ['diff', 'text', 'model'],
  demo: ['model', 'text'],
};
/** Stages outside the layer list, and who may use them. */
const USED_BY: Record<string, (stage: string) => boolean> = {
  // Any stage above diff/ may draw a share card.
  cards: (stage) => layerOf(stage) < layerOf('diff'),
  demo: (stage) => stage === 'cli',
};

function layerOf(stage: string): number {
  const i = LAYERS.findIndex((layer) => layer.includes(stage));
  if (i < 0) throw new Error(`stage ${stage} is in no layer`);
  return i;
}

function allowed(from: string, to: string): boolean {
  if (from === to) return true;
  if (ONLY[from] && !ONLY[from].includes(to)) return false;
  if (USED_BY[to]) return USED_BY[to](from);
  if (ONLY[from]) return true;
  return layerOf(to) > layerOf(from);
}

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');
// `import x from '…'`, `export … from '…'`, a bare `import '…'` and a dynamic `import('…')`.
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^;'"]*?\bfrom\s+['"](\.[^'"]+)['"]|(?:^|\n)\s*import\s*\(?\s*['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** Production files only: tests, test helpers and fixtures may reach any stage they exercise. */
function productionFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testdata') out.push(...productionFiles(path));
    } else if (entry.name.endsWith('.ts') && !/\.(test|case)\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

function stageOf(path: string): string {
  return relative(SRC, path).split('/')[0];
}

describe('imports go only downward (DEVELOPERS.md)', () => {
  it('the rule table says what DEVELOPERS.md says', () => {
    expect(allowed('web', 'tracker')).toBe(true);
    expect(allowed('tracker', 'web')).toBe(false);
    expect(allowed('tracker', 'notify')).toBe(false);
    expect(allowed('extract', 'store')).toBe(false);
    expect(allowed('diff', 'extract')).toBe(false);
    expect(allowed('notify', 'tracker')).toBe(false);
    expect(allowed('notify', 'cards')).toBe(true);
    expect(allowed('web', 'cards')).toBe(true);
    expect(allowed('diff', 'cards')).toBe(false);
    expect(allowed('cards', 'store')).toBe(false);
    expect(allowed('web', 'demo')).toBe(false);
    expect(allowed('cli', 'demo')).toBe(true);
    expect(allowed('demo', 'store')).toBe(false);
    expect(allowed('text', 'model')).toBe(true);
    expect(allowed('model', 'text')).toBe(false);
  });

  it('every import between stages in src/ follows it', () => {
    const stages = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    for (const stage of stages) if (!USED_BY[stage]) layerOf(stage); // every folder has a place
    const wrong: string[] = [];
    let crossings = 0;
    for (const file of productionFiles(SRC)) {
      const from = stageOf(file);
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const target = resolve(dirname(file), m[1] ?? m[2] ?? m[3]);
        const to = relative(SRC, target).startsWith('..') ? null : stageOf(target);
        if (to === null) {
          wrong.push(`${relative(SRC, file)} imports ${m[1] ?? m[2] ?? m[3]}, outside src/`);
          continue;
        }
        if (to === from) continue;
        crossings++;
        if (!allowed(from, to)) wrong.push(`${relative(SRC, file)} (${from}) imports ${relative(SRC, target)} (${to})`);
      }
    }
    expect(crossings).toBeGreaterThan(100); // the scan found the imports at all
    expect(wrong).toEqual([]);
  });
});
