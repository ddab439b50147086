#!/usr/bin/env node
// `npm test`: every check in order — lint, typecheck, unit, integration, build, e2e — each with
// its own output, then ONE summary line. All stages run even after a failure (a CI log should
// show everything that is wrong at once), except e2e, which needs the build.
import { spawnSync } from 'node:child_process';

const stages = [
  { name: 'lint', script: 'lint' },
  { name: 'typecheck', script: 'typecheck' },
  { name: 'unit', script: 'test:unit' },
  { name: 'integration', script: 'test:int' },
  { name: 'build', script: 'build' },
  { name: 'e2e', script: 'test:e2e', needs: 'build' },
];

const only = process.argv.slice(2);
const results = [];
const started = Date.now();

for (const stage of stages) {
  if (only.length && !only.includes(stage.name)) continue;
  const blocker = stage.needs && results.find((r) => r.name === stage.needs && !r.ok);
  if (blocker) {
    results.push({ name: stage.name, ok: false, skipped: true, seconds: 0 });
    continue;
  }
  console.log(`\n━━ ${stage.name} (npm run ${stage.script}) ━━`);
  const t0 = Date.now();
  const run = spawnSync('npm', ['run', '--silent', stage.script], { stdio: 'inherit' });
  results.push({ name: stage.name, ok: run.status === 0, seconds: (Date.now() - t0) / 1000 });
}

const total = ((Date.now() - started) / 1000).toFixed(1);
const parts = results.map(
  (r) =>
    `${r.skipped ? '–' : r.ok ? '✔' : '✘'} ${r.name}${r.skipped ? ' (skipped: needs build)' : ` ${r.seconds.toFixed(1)}s`}`,
);
const failed = results.filter((r) => !r.ok).map((r) => r.name);
console.log(
  failed.length === 0
    ? `\nnpm test: all ${results.length} stages passed in ${total}s — ${parts.join(' · ')}`
    : `\nnpm test: FAILED (${failed.join(', ')}) in ${total}s — ${parts.join(' · ')}`,
);
process.exit(failed.length === 0 ? 0 : 1);
