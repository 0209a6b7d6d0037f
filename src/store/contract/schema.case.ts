import { describe, expect, it } from 'vitest';
import { SchemaTooNewError } from '../errors.ts';
import { LATEST_SCHEMA } from '../migrations/index.ts';
import { freshStore, makeSource, type ContractHarness } from './fixtures.ts';

export function schemaCases(harness: ContractHarness): void {
  describe(`${harness.name}: schema`, () => {
    const store = freshStore(harness);

    it('migrates idempotently to the latest schema', async () => {
      expect(await store().schemaVersion()).toBe(LATEST_SCHEMA);
      await makeSource(store(), 'kept');
      await store().migrate();
      await store().migrate();
      expect(await store().schemaVersion()).toBe(LATEST_SCHEMA);
      expect((await store().getSource('kept'))?.key).toBe('kept');
    });

    it('closes idempotently', async () => {
      await store().close();
      await store().close();
    });

    it('refuses a database migrated by a newer Redline', async () => {
      await harness.setSchemaVersion(store(), LATEST_SCHEMA + 1);
      await expect(store().migrate()).rejects.toBeInstanceOf(SchemaTooNewError);
      await expect(store().migrate()).rejects.toMatchObject({ kind: 'schema-too-new' });
    });
  });
}
