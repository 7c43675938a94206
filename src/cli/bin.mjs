#!/usr/bin/env node
// The `litflare` command: its compiled form when installed from npm, its
// TypeScript sources (loaded through Vite) inside the litflare repository.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('./main.js', import.meta.url);
const { main } = existsSync(fileURLToPath(compiled))
  ? await import(compiled.href)
  : (await (await import('vite')).runnerImport(fileURLToPath(new URL('./main.ts', import.meta.url)))).module;
process.exitCode = await main(process.argv.slice(2));
