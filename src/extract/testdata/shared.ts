import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `shared/` folder next to the checkout (`../shared`), or next to one of its parents (a git
 * worktree under `/work/wt/NAME` sees `/work/shared`). Tests and benchmarks that read it skip when
 * it is absent, as in a fresh clone.
 */
export function sharedDir(): string {
  let dir = join(dirname(fileURLToPath(import.meta.url)), '../../..');
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, '..', 'shared');
    if (existsSync(join(candidate, 'corpus'))) return candidate;
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), '../../../../shared');
}
