/**
 * Judges what several workers did to the simulated site, from the site's own request log:
 * each article's requests, in order, must be one per due time. Requests of the killed worker
 * still being answered when it died are lost (it never stored them); another worker must check
 * those articles again. Otherwise two requests closer together than the shortest period are a
 * double check, unless the first came from the killed worker before it died and the second came
 * after its death (it died between the answer and the store write). A dead worker's leases are
 * released as soon as another worker on the same machine starts a pass, so that may be well
 * before they would have expired.
 */
import type { RequestRecord } from '../../bench/lib/tracker-site.ts';

export interface Rules {
  periodMs: number;
  leaseMs: number;
  victim: string;
  killedAt: number;
  /** Time between a check starting (its clock reading) and its request reaching the site. */
  slackMs: number;
  /** A killed worker's request answered less than this before its death cannot have been stored. */
  lostGraceMs: number;
}

export interface Verdict {
  /** Human-readable descriptions of requests that checked the same due time twice. */
  doubles: string[];
  /** Requests of the killed worker in flight when it died. */
  lost: RequestRecord[];
  /** Lost (or unrecorded) checks of the killed worker, done again by another worker. */
  takeovers: number;
  /** How many of `lost` another worker checked again afterwards (must be all of them). */
  lostTakenOver: number;
  /** Requests per article that stand for a recorded check (takeover-superseded requests dropped). */
  checks: Map<number, RequestRecord[]>;
}

export function judge(log: RequestRecord[], rules: Rules): Verdict {
  const byArticle = new Map<number, RequestRecord[]>();
  for (const r of log) byArticle.set(r.article, [...(byArticle.get(r.article) ?? []), r]);
  const verdict: Verdict = { doubles: [], lost: [], takeovers: 0, lostTakenOver: 0, checks: new Map() };
  for (const [article, requests] of byArticle) {
    requests.sort((a, b) => a.start - b.start);
    const kept: RequestRecord[] = [];
    for (const [i, r] of requests.entries()) {
      if (r.userAgent === rules.victim && r.end >= rules.killedAt - rules.lostGraceMs) {
        verdict.lost.push(r);
        if (requests.slice(i + 1).some((later) => later.userAgent !== rules.victim)) (verdict.takeovers++, verdict.lostTakenOver++);
        continue;
      }
      const prev = kept[kept.length - 1];
      const gap = prev ? r.start - prev.start : Infinity;
      if (gap >= rules.periodMs - rules.slackMs) kept.push(r);
      else if (isTakeover(prev!, r, rules)) {
        verdict.takeovers++;
        kept[kept.length - 1] = r;
      } else verdict.doubles.push(`article ${article}: ${prev!.userAgent} then ${r.userAgent} ${gap} ms apart`);
    }
    verdict.checks.set(article, kept);
  }
  return verdict;
}

function isTakeover(prev: RequestRecord, next: RequestRecord, rules: Rules): boolean {
  return prev.userAgent === rules.victim && prev.start <= rules.killedAt && next.userAgent !== rules.victim && next.start >= rules.killedAt;
}
