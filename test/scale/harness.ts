/** Worker processes and a throwaway PostgreSQL database for the scale test. */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const BIN = new URL('../../bin/redline.js', import.meta.url).pathname;

/** A fresh database on the test server (CREATE DATABASE redline_scale_...), so other suites are untouched. */
export async function scratchDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `redline_scale_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export function writeConfig(dataDir: string, config: object): void {
  writeFileSync(join(dataDir, 'redline.json'), JSON.stringify(config, null, 2));
}

export interface WorkerProcess {
  agent: string;
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

/** `redline start --role worker` with its own User-Agent, so the site can tell the workers apart. */
export function startWorkerProcess(agent: string, databaseUrl: string, dataDir: string): WorkerProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, REDLINE_USER_AGENT: agent };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [BIN, 'start', '--role', 'worker', '--database', databaseUrl, '--data', dataDir], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  return { agent, child, output, exited };
}

export async function waitFor(what: string, test: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 20): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, everyMs));
  }
}
