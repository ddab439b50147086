#!/usr/bin/env node
// The `release-pilot` command. It runs the CLI from its TypeScript source through tsx, so it works
// straight after `npm ci` with no build step (install scripts are off: see .npmrc).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
await main(process.argv);
