#!/usr/bin/env node
// The `qyzmet` command. The TypeScript is compiled by `npm install` (root `prepare`: tsc -b).
'use strict';
require('../dist/cli/main.js')
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(`qyzmet: internal error: ${err && err.message ? err.message : err}`);
      process.exitCode = 3;
    },
  );
