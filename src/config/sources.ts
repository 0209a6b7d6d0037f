import * as v from 'valibot';
import { UsageError, type SourceInput } from '../model/index.ts';
import { parseDuration } from './duration.ts';
import { describeIssues } from './rules.ts';
import { sourceSpec, type SourceSpec } from './schema.ts';

/** What a source's defaults and bounds come from (the schedule section). */
export interface SourceDefaults {
  feedDefaultPeriodSec: number;
  feedMinPeriodSec: number;
}

/**
 * A source from the config file or from `redline sources add` (both give a SourceSpec), checked
 * by the same rules: `where` names the file entry or the command in the error.
 */
export function parseSource(
  value: unknown,
  defaults: SourceDefaults,
  where: string,
  label: (field: string) => string = quoted,
): SourceInput {
  const result = v.safeParse(sourceSpec, value, { abortEarly: false });
  if (!result.success) throw new UsageError(`${where}: ${describeIssues(result.issues, label).join('; ')}`);
  return sourceInput(result.output, defaults, where, label);
}

function quoted(field: string): string {
  return `"${field}"`;
}

function sourceInput(s: SourceSpec, defaults: SourceDefaults, where: string, label: (field: string) => string): SourceInput {
  // A page source names its front page; "feedUrl" is accepted for it too.
  const url = s.type === 'page' ? (s.pageUrl ?? s.feedUrl) : s.feedUrl;
  if (url === undefined) throw new UsageError(`${where}: ${label(s.type === 'page' ? 'pageUrl' : 'feedUrl')} must be an http(s) URL`);
  if (s.pageUrl !== undefined && s.type !== 'page') throw new UsageError(`${where}: ${label('pageUrl')} is for sources of type "page"`);
  if (s.linkPattern !== undefined && s.type !== 'page')
    throw new UsageError(`${where}: ${label('linkPattern')} is for sources of type "page"`);
  const every = s.every === undefined ? defaults.feedDefaultPeriodSec : parseDuration(String(s.every));
  if (every < defaults.feedMinPeriodSec)
    throw new UsageError(`${where}: ${label('every')} must be at least ${defaults.feedMinPeriodSec}s (schedule.feedMinPeriodSec)`);
  return {
    key: s.key,
    name: s.name ?? s.key,
    feedUrl: url,
    pollPeriodSec: every,
    include: list(s.include),
    exclude: list(s.exclude),
    type: s.type,
    linkPattern: s.linkPattern ?? null,
    render: s.render,
  };
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
