export { MIGRATIONS, LATEST_SCHEMA, type Migration } from './list.ts';
export { migrate, readSchemaVersion } from './migrate.ts';
