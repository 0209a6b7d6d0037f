import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';

/** Column kinds of the research tables; docs/research-export.md lists every column. */
export type ColumnKind = 'int' | 'string' | 'timestamp' | 'bool' | 'strings';

export interface Column {
  name: string;
  kind: ColumnKind;
  nullable?: boolean;
}

export type Row = Record<string, number | string | boolean | null | string[]>;

/** How many rows (or roughly how many bytes of text) a table buffers before writing them out: one Parquet row group. */
export interface FlushLimits {
  rows: number;
  bytes: number;
}

export const DEFAULT_FLUSH: FlushLimits = { rows: 50_000, bytes: 16 * 1024 * 1024 };

interface Sink {
  write(rows: Row[]): Promise<void>;
  finish(): Promise<void>;
}

/**
 * One research table being written: rows are buffered up to `limits` and then written (a Parquet
 * row group, or JSON lines), so memory stays bounded however big the database is.
 */
export class TableWriter {
  /** Rows written (and buffered) so far. */
  count = 0;
  private buffer: Row[] = [];
  private bytes = 0;

  private constructor(
    readonly name: string,
    readonly columns: Column[],
    private readonly sink: Sink,
    private readonly limits: FlushLimits,
  ) {}

  /** Creates the file (it must not exist yet). */
  static async open(
    name: string,
    columns: Column[],
    path: string,
    format: 'jsonl' | 'parquet',
    limits = DEFAULT_FLUSH,
  ): Promise<TableWriter> {
    const sink = format === 'jsonl' ? await jsonlSink(path, columns) : parquetSink(path, columns);
    return new TableWriter(name, columns, sink, limits);
  }

  async add(row: Row): Promise<void> {
    this.buffer.push(row);
    this.count++;
    for (const c of this.columns) this.bytes += sizeOf(row[c.name]);
    if (this.buffer.length >= this.limits.rows || this.bytes >= this.limits.bytes) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    await this.sink.finish();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    this.bytes = 0;
    await this.sink.write(rows);
  }
}

function sizeOf(v: Row[string]): number {
  if (typeof v === 'string') return v.length * 2;
  if (Array.isArray(v)) return v.reduce((n, s) => n + s.length * 2 + 8, 8);
  return 8;
}

async function jsonlSink(path: string, columns: Column[]): Promise<Sink> {
  const out: WriteStream = createWriteStream(path, { flags: 'wx' });
  let error: Error | null = null;
  out.on('error', (err) => (error = err));
  await once(out, 'open'); // rejects on an error (EEXIST, EACCES…)
  const check = () => {
    if (error) throw error;
  };
  check();
  return {
    async write(rows) {
      let text = '';
      for (const row of rows) {
        const line: Row = {};
        for (const c of columns)
          line[c.name] = c.kind === 'timestamp' && row[c.name] !== null ? new Date(row[c.name] as number).toISOString() : row[c.name];
        text += JSON.stringify(line) + '\n';
      }
      if (!out.write(text)) await once(out, 'drain');
      check();
    },
    async finish() {
      check();
      out.end();
      await once(out, 'finish');
      check();
    },
  };
}

function parquetSink(path: string, columns: Column[]): Sink {
  // fileWriter truncates: refuse an existing file like the JSON Lines writer does ('wx').
  if (existsSync(path)) throw Object.assign(new Error(`${path} already exists`), { code: 'EEXIST' });
  const writer = new ParquetWriter({
    writer: fileWriter(path),
    schema: [{ name: 'root', num_children: columns.length }, ...columns.flatMap(schemaOf)],
    createdBy: 'Redline research export',
  });
  return {
    async write(rows) {
      await writer.write({
        columnData: columns.map((c) => ({ name: c.name, data: rows.map((r) => toParquet(c, r[c.name])) })),
        rowGroupSize: rows.length,
      });
    },
    async finish() {
      await writer.finish();
    },
  };
}

type SchemaElement = NonNullable<ConstructorParameters<typeof ParquetWriter>[0]['schema']>[number];

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
