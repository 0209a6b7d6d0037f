// Moved to fetch/testdata/server.ts (issue 14). This re-export keeps the tests of branches still open
// compiling after they merge; it goes with the repo-wide format commit.
export * from './testdata/server.ts';
