import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../model/index.ts';
import { defaultConfig } from './defaults.ts';
import { loadConfig } from './load.ts';

const dir = mkdtempSync(join(tmpdir(), 'redline-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function fileWith(content: unknown): string {
  const file = join(dir, `config-${n++}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}
const load =
  (content: unknown, env: Record<string, string> = {}) =>
  () =>
    loadConfig({ configFile: fileWith(content), dataDir: dir }, env);

/** Every numeric setting of the defaults, as [section path, key, value]. */
function numericLeaves(obj: Record<string, unknown>, path: string[] = []): [string[], string, number][] {
  return Object.entries(obj).flatMap(([k, v]): [string[], string, number][] => {
    if (typeof v === 'number') return [[path, k, v]];
    if (v && typeof v === 'object' && !Array.isArray(v)) return numericLeaves(v as Record<string, unknown>, [...path, k]);
    return [];
  });
}

function nest(path: string[], key: string, value: unknown): object {
  return path.reduceRight<object>((inner, k) => ({ [k]: inner }), { [key]: value });
}

describe('the config schema', () => {
  it('an empty file gives every default', () => {
    const config = load({})();
    expect({ ...config, dataDir: 'x' }).toEqual({ ...defaultConfig(), dataDir: 'x' });
  });

  it('defaults are fresh objects, never shared between two configs', () => {
    const a = defaultConfig();
    a.schedule.tiers.push({ maxAgeSec: 1e9, periodSec: 1 });
    a.evidence.wayback.sources.push('bbc');
    expect(defaultConfig().schedule.tiers).toHaveLength(3);
    expect(defaultConfig().evidence.wayback.sources).toEqual([]);
  });

  it('refuses "backoffFactor":"2" and names the setting and the file', () => {
    const file = fileWith({ schedule: { backoffFactor: '2' } });
    const run = () => loadConfig({ configFile: file, dataDir: dir }, {});
    expect(run).toThrow(UsageError);
    expect(run).toThrow(`config file ${file}: schedule.backoffFactor must be a number >= 1 (got "2")`);
  });

  it.each([
    [{ fetch: { timeoutMs: 5 } }, 'unknown key "fetch.timeoutMs"'],
    [{ shedule: {} }, 'unknown key "shedule"'],
    [{ evidence: { wayback: { sorces: [] } } }, 'unknown key "evidence.wayback.sorces"'],
    [{ schedule: { tiers: [{ maxAgeSec: 60, periodSec: 60, every: 1 }] } }, 'unknown key "schedule.tiers[0].every"'],
  ])('an unknown key is an error naming the key and the file: %j', (content, message) => {
    const file = fileWith(content);
    expect(() => loadConfig({ configFile: file, dataDir: dir }, {})).toThrow(`config file ${file}: ${message}`);
  });

  it('reports every problem of a file at once', () => {
    expect(load({ fetch: { maxRedirects: -1, respectRobots: 'yes' }, web: { port: 70000 } })).toThrow(
      /fetch\.maxRedirects must be a whole number >= 0 \(got -1\); fetch\.respectRobots must be true or false \(got "yes"\); web\.port must be a port number/,
    );
  });

  // Table over every numeric setting there is, so one added later is covered too.
  it.each(
    numericLeaves(defaultConfig() as unknown as Record<string, unknown>).map(
      ([path, key, value]) => [[...path, key].join('.'), path, key, value] as const,
    ),
  )('%s: refuses a string, takes a number', (name, path, key, value) => {
    expect(load(nest(path, key, String(value)))).toThrow(`${name} must be`);
    const config = load(nest(path, key, value))() as unknown as Record<string, Record<string, unknown>>;
    expect(path.reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, config)[key]).toBe(value);
  });

  it.each([
    [{ web: { port: 1.5 } }, /web\.port must be a port number/],
    [{ worker: { role: 'everything' } }, /worker\.role must be one of web, worker, all/],
    [{ worker: { batchSize: 2.5 } }, /worker\.batchSize must be a whole number >= 1/],
    [{ websub: { subscribe: 'sometimes' } }, /websub\.subscribe must be auto, always or never/],
    [{ databaseUrl: 'mysql://x' }, /databaseUrl must start with postgres:\/\//],
    [{ sources: {} }, /sources must be a list of sources/],
    ['[1, 2]', /must hold a JSON object/],
    ['{ not json', /cannot read config file/],
  ])('refuses %j', (content, message) => {
    expect(load(content)).toThrow(message);
  });

  it('a sqlite: URL in the file means SQLite; postgres URLs pass', () => {
    expect(load({ databaseUrl: 'sqlite:./x' })().databaseUrl).toBeNull();
    expect(load({ databaseUrl: 'postgresql://u@h/db' })().databaseUrl).toBe('postgresql://u@h/db');
  });

  it('checks the environment with the same rules as the file', () => {
    expect(load({}, { REDLINE_PORT: '9090' })().web).toMatchObject({ port: 9090, baseUrl: '' });
    expect(load({ web: { baseUrl: 'ftp://x' } })).toThrow('web.baseUrl must be an http(s) URL, or empty');
    expect(load({}, { REDLINE_PORT: 'eighty' })).toThrow('REDLINE_PORT must be a number (got "eighty")');
    expect(load({}, { REDLINE_PORT: '99999' })).toThrow('REDLINE_PORT must be a port number (0-65535) (got 99999)');
    expect(load({}, { DATABASE_URL: 'mysql://db' })).toThrow('database URL must start with postgres://');
  });

  it('checks the flags with the same rules', () => {
    const file = fileWith({});
    expect(() => loadConfig({ configFile: file, dataDir: dir, port: -1 }, {})).toThrow('--port must be a port number');
    expect(() => loadConfig({ configFile: file, dataDir: dir, role: 'boss' as never }, {})).toThrow(
      '--role must be one of web, worker, all',
    );
    expect(loadConfig({ configFile: file, dataDir: dir, role: 'web', port: 0 }, {}).worker.role).toBe('web');
  });
});
