import { createHash } from 'node:crypto';
import { normalizeText } from '../text/normalize.ts';

/**
 * sha256 (hex) of the normalised headline and paragraphs. Lines are joined with "\n", which
 * normalisation removes from the texts themselves, so different splits never collide.
 */
export function fingerprint(title: string, paragraphs: string[]): string {
  const lines = [normalizeText(title), ...paragraphs.map(normalizeText).filter(Boolean)];
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}
