import * as v from 'valibot';
import { ARTICLE_STATUSES, RENDER_MODES, ROLES, SOURCE_TYPES, UsageError } from '../model/index.ts';

/**
 * Every validation rule of Redline's settings, written once. The config schema (schema.ts) is built
 * from them, and the CLI checks its flags with `checked(rule, value, '--flag')`, so a port, a role,
 * a source key or a regular expression means the same thing in a file, the environment and a flag.
 */

/** A number above zero (seconds, milliseconds, factors). */
export const positive = v.pipe(v.number('must be a positive number'), v.gtValue(0, 'must be a positive number'));
/** A parsing thread's heap in MB: room for a page at the element bound (extract/parse-html.ts MAX_ELEMENTS). */
export const threadHeapMb = v.pipe(v.number('must be a number of MB >= 256'), v.minValue(256, 'must be a number of MB >= 256'));
/** A count of one or more. */
export const positiveInt = v.pipe(
  v.number('must be a whole number >= 1'),
  v.integer('must be a whole number >= 1'),
  v.minValue(1, 'must be a whole number >= 1'),
);
/** A count that may be zero. */
export const countInt = v.pipe(
  v.number('must be a whole number >= 0'),
  v.integer('must be a whole number >= 0'),
  v.minValue(0, 'must be a whole number >= 0'),
);
/** A duration or delay that may be zero. */
export const nonNegative = v.pipe(v.number('must be a number >= 0'), v.minValue(0, 'must be a number >= 0'));
/** A multiplier of at least 1: the period never shrinks after a check without change. */
export const factor = v.pipe(v.number('must be a number >= 1'), v.minValue(1, 'must be a number >= 1'));
export const bool = v.boolean('must be true or false');
export const text = v.string('must be a string');

export const port = v.pipe(
  v.number('must be a port number'),
  v.integer('must be a port number (0-65535)'),
  v.minValue(0, 'must be a port number (0-65535)'),
  v.maxValue(65535, 'must be a port number (0-65535)'),
);

export const httpUrl = v.pipe(text, v.regex(/^https?:\/\/[^/]+/, 'must be an http(s) URL'));

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/** postgres://… or postgresql://… selects PostgreSQL (anything else in databaseUrl is refused). */
export function isPostgresUrl(url: string | null | undefined): boolean {
  return !!url && POSTGRES_URL.test(url);
}
export const postgresUrl = v.pipe(text, v.regex(POSTGRES_URL, 'must start with postgres:// (or be omitted for SQLite)'));

/** The built-in source that holds the articles added with `redline check URL`. */
export const MANUAL_SOURCE_KEY = 'manual';
export const sourceKey = v.pipe(
  v.string('must be a short name of letters, digits, - or _'),
  v.regex(/^[a-z0-9][a-z0-9_-]*$/i, 'must be a short name of letters, digits, - or _'),
  v.check((k) => k !== MANUAL_SOURCE_KEY, `"${MANUAL_SOURCE_KEY}" is reserved for articles added with \`redline check\``),
);

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
/** The source text of a JavaScript regular expression. */
export const regexSource = v.pipe(
  v.string('must be a regular expression (a string)'),
  v.check(compiles, 'is an invalid regular expression'),
);

export const role = v.picklist(ROLES, `must be one of ${ROLES.join(', ')}`);
export const sourceType = v.picklist(SOURCE_TYPES, `must be one of ${SOURCE_TYPES.join(', ')}`);
export const renderMode = v.picklist(RENDER_MODES, `must be one of ${RENDER_MODES.join(', ')}`);
export const articleStatus = v.picklist(ARTICLE_STATUSES, `must be one of ${ARTICLE_STATUSES.join(', ')}`);

/** `value` checked against `rule`, or a UsageError naming `where` (a flag, an environment variable, a file). */
export function checked<S extends v.GenericSchema>(rule: S, value: unknown, where: string): v.InferOutput<S> {
  const result = v.safeParse(rule, value);
  if (result.success) return result.output;
  throw new UsageError(`${where} ${result.issues[0].message} (got ${JSON.stringify(value)})`);
}

/** A number given as text (a flag or an environment variable), checked against a numeric rule. */
export function checkedNumber<S extends v.GenericSchema>(rule: S, value: string, where: string): v.InferOutput<S> {
  const n = value.trim() === '' ? NaN : Number(value);
  if (Number.isNaN(n)) throw new UsageError(`${where} must be a number (got ${JSON.stringify(value)})`);
  return checked(rule, n, where);
}

/**
 * One line per problem: `fetch.totalTimeoutMs must be a positive number (got "2")`, `unknown key "fetch.timeout"`.
 * `label` names a field the way its writer knows it (`--link-pattern` for a flag).
 */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], label: (path: string) => string = (p) => p): string[] {
  return issues.map((issue) => {
    const path = pathOf(issue);
    const objectIssue = issue.type === 'strict_object' || issue.type === 'object';
    if (objectIssue && issue.expected === 'never') return `unknown key "${path}"`;
    if (objectIssue && issue.received === 'undefined') return `${label(path)} is required`;
    if (objectIssue) return `${path ? label(path) : 'the file'} must be an object`;
    const got =
      issue.input === null || typeof issue.input !== 'object'
        ? ` (got ${issue.received === 'undefined' ? 'nothing' : JSON.stringify(issue.input)})`
        : '';
    return `${label(path)} ${issue.message}${got}`;
  });
}

/** `schedule.tiers[0].periodSec`: keys joined with dots, list positions in brackets. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key);
  }
  return path;
}
