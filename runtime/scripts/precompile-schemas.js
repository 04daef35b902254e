#!/usr/bin/env node
// A build step after `tsc -b`: ajv's validators for the engine's own schemas, generated once rather than compiled by
// every runtime process at start (see runtime/src/registry/precompiledSchemas.ts).
'use strict';
require('../dist/registry/precompiledSchemas.js').writePrecompiledSchemas();
