import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parquetWriteFile } from 'hyparquet-writer';

/** Column kinds of the research tables; docs/research-export.md lists every column. */
export type ColumnKind = 'int' | 'string' | 'timestamp' | 'bool' | 'strings';

export interface Column {
  name: string;
  kind: ColumnKind;
  nullable?: boolean;
}

export type Row = Record<string, number | string | boolean | null | string[]>;

/** A table collected in memory, written as JSON Lines or Parquet. */
export class Table {
  readonly rows: Row[] = [];
  constructor(
    readonly name: string,
    readonly columns: Column[],
  ) {}

  add(row: Row): void {
    this.rows.push(row);
  }

  async writeJsonl(path: string): Promise<void> {
    const out = createWriteStream(path, { flags: 'wx' });
    const failed = once(out, 'error').then(([err]) => Promise.reject(err));
    for (const row of this.rows) {
      const line: Row = {};
      for (const c of this.columns) line[c.name] = c.kind === 'timestamp' && row[c.name] !== null ? new Date(row[c.name] as number).toISOString() : row[c.name];
      if (!out.write(JSON.stringify(line) + '\n')) await Promise.race([once(out, 'drain'), failed]);
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  }

  writeParquet(path: string): void {
    parquetWriteFile({
      filename: path,
      schema: [{ name: 'root', num_children: this.columns.length }, ...this.columns.flatMap(schemaOf)],
      columnData: this.columns.map((c) => ({ name: c.name, data: this.rows.map((r) => toParquet(c, r[c.name])) })),
      createdBy: 'Redline research export',
    });
  }
}

type SchemaElement = NonNullable<Parameters<typeof parquetWriteFile>[0]['schema']>[number];

function schemaOf(c: Column): SchemaElement[] {
  const repetition_type = c.nullable ? ('OPTIONAL' as const) : ('REQUIRED' as const);
  switch (c.kind) {
    case 'int':
      return [{ name: c.name, type: 'INT64' as const, repetition_type }];
    case 'timestamp':
      return [{ name: c.name, type: 'INT64' as const, converted_type: 'TIMESTAMP_MILLIS' as const, repetition_type }];
    case 'string':
      return [{ name: c.name, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type }];
    case 'bool':
      return [{ name: c.name, type: 'BOOLEAN' as const, repetition_type }];
    case 'strings':
      // The standard three-level LIST: readers (DuckDB, pandas, Spark) see list<string>.
      return [
        { name: c.name, repetition_type, converted_type: 'LIST' as const, num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED' as const, num_children: 1 },
        { name: 'element', type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type: 'REQUIRED' as const },
      ];
  }
}

function toParquet(c: Column, v: Row[string]): unknown {
  if (v === null || v === undefined) return null;
  return c.kind === 'int' || c.kind === 'timestamp' ? BigInt(v as number) : v;
}
