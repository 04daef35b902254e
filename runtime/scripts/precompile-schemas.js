#!/usr/bin/env node
// A build step after `tsc -b`: ajv's validators for the engine's own schemas and for the forms of the definitions
// shipped, generated once rather than compiled by every runtime process at start (runtime/src/registry/
// precompiledSchemas.ts).
'use strict';
const { forms, skipped } = require('../dist/registry/writePrecompiled.js').writePrecompiled();
console.log(`precompiled: the engine's schemas and ${forms} forms (runtime/dist/precompiled)`);
for (const form of skipped) console.warn(`precompiled: skipped (compiled at start instead) ${form}`);
