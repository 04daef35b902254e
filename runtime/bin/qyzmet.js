#!/usr/bin/env node
// The `qyzmet` command. The TypeScript is compiled by `npm install` (root `prepare`: tsc -b).
'use strict';
const cluster = require('node:cluster');
const args = process.argv.slice(2);
// `serve` on several cores: this process only forks and watches the runtimes (see cluster/servePrimary.ts).
const primary = args[0] === 'serve' && cluster.isPrimary && require('../dist/cluster/servePrimary.js');
(primary && primary.severalProcesses() ? primary.servePrimary() : require('../dist/cli/main.js').main(args)).then(
  (code) => {
    process.exitCode = code;
    // A cluster's worker would be kept alive by its channel to the primary; the primary reads this code.
    if (cluster.isWorker) process.exit(code);
  },
  (err) => {
    console.error(`qyzmet: internal error: ${err && err.message ? err.message : err}`);
    process.exitCode = 3;
    if (cluster.isWorker) process.exit(3);
  },
);
