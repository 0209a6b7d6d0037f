import type { Config } from './config.ts';
import { parseConfig } from './load.ts';

export { DEFAULT_TIERS, DEFAULT_USER_AGENT } from './schema.ts';

/** Every setting at its default (the schema applied to an empty file), a fresh object each call. */
export function defaultConfig(): Config {
  return parseConfig({}, 'defaults');
}
