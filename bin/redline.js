#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so `npx redline` works right after `npm install`.
import { register } from 'tsx/esm/api';

// `redline articles | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
