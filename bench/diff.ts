/**
 * Diff engine benchmark: `npm run bench:diff`. Prints min, median and p99 time of
 * diffVersions on a 150-paragraph article under four kinds of edit. Synthetic text from a fixed
 * seed, so runs are comparable; never run by the tests.
 */
import { diffVersions } from '../src/diff/engine.ts';
import type { DiffInput } from '../src/diff/types.ts';

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const vocabulary = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
const paragraph = () => Array.from({ length: 40 + Math.floor(random() * 40) }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ') + '.';
const reword = (p: string) => p.split(' ').map((w) => (random() < 0.1 ? 'changed' : w)).join(' ');
const version = (paragraphs: string[]): DiffInput => ({ title: 'Title', byline: null, published: null, paragraphs });

const base = Array.from({ length: 150 }, paragraph);
const fewEdits = [...base];
for (let i = 0; i < 150; i += 30) fewEdits[i] = reword(fewEdits[i]);
fewEdits.splice(40, 1);
fewEdits.splice(90, 1);
fewEdits.splice(60, 0, paragraph());
fewEdits.splice(120, 0, paragraph());
fewEdits.splice(100, 0, fewEdits.splice(10, 1)[0]);

const cases: [string, string[]][] = [
  ['identical', base],
  ['5 reworded, 2 removed, 2 added, 1 moved', fewEdits],
  ['every paragraph reworded', base.map(reword)],
  ['total rewrite', base.map(() => paragraph())],
];

const ms = (x: number) => x.toFixed(2).padStart(8);
console.log(`| case (150 paragraphs) | min ms | median ms | p99 ms |\n| --- | ---: | ---: | ---: |`);
for (const [name, paragraphs] of cases) {
  const a = version(base);
  const b = version(paragraphs);
  for (let i = 0; i < 30; i++) diffVersions(a, b);
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const start = performance.now();
    diffVersions(a, b);
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  console.log(`| ${name} | ${ms(times[0])} | ${ms(times[150])} | ${ms(times[296])} |`);
}
