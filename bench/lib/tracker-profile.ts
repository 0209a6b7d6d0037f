/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and splits the sampled CPU time by pipeline stage.
 * A frame's stage comes from its own file when that is a Redline stage (src/fetch, src/extract...)
 * or a library we know (pg, better-sqlite3); otherwise it inherits its caller's stage, so library
 * and native work is charged to the stage that asked for it.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface StageTime {
  stage: string;
  ms: number;
}

const OWN_STAGE: [RegExp, string][] = [
  [/\/src\/fetch\//, 'fetch (HTTP, robots, limits)'],
  [/\/src\/text\//, 'decode (charset, normalise)'],
  [/\/src\/extract\//, 'extract (parse + score)'],
  [/\/src\/diff\//, 'diff (word counts)'],
  [/\/src\/store\//, 'store (SQL, compression)'],
  [/\/src\/tracker\//, 'tracker (orchestration)'],
  [/node_modules\/(pg|pg-protocol|pg-pool|better-sqlite3)\//, 'store (SQL, compression)'],
];

/** Frames reached from the event loop with no Redline caller (socket reads, timers, GC). */
function rootStage(node: ProfileNode): string {
  const { functionName, url } = node.callFrame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)') return 'V8/native (unattributed)';
  // Async gunzip callbacks of fetched pages run from the event loop, with no fetch/ frame above them.
  if (url === 'node:zlib') return 'fetch (HTTP, robots, limits)';
  if (url.startsWith('node:')) return 'node I/O (sockets, streams, timers)';
  if (/node_modules\/(tsx|esbuild)\//.test(url)) return 'startup (tsx)';
  return 'other';
}

export function stageTimes(profilePath: string): StageTime[] {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const stageOf = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = stageOf.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const own = OWN_STAGE.find(([re]) => re.test(node.callFrame.url))?.[1];
    const up = parent.get(id);
    const callerStage = up !== undefined ? resolve(up) : null;
    const inherited = callerStage && callerStage !== 'other' ? callerStage : null;
    const stage = own ?? inherited ?? rootStage(node);
    stageOf.set(id, stage);
    return stage;
  };

  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const stage = resolve(id);
    totals.set(stage, (totals.get(stage) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals]
    .map(([stage, ms]) => ({ stage, ms }))
    .filter((s) => s.stage !== 'idle')
    .sort((a, b) => b.ms - a.ms);
}

/** The hottest functions by self time, to name the bottleneck precisely. */
export function hotFunctions(profilePath: string, top = 10): { fn: string; ms: number }[] {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const { functionName, url } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') return;
    const where = url.replace(/^.*\/(src|node_modules)\//, '$1/');
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self]
    .map(([fn, ms]) => ({ fn, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}
