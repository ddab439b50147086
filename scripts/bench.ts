// `npm run bench`: every figure the issues budget, printed, never asserted in tests.
//   renderer  initial JS size, browser host start → first paint (foundation issue)
//   journal   durable appends per second, verify time (engine issue)
//   ssh       fan-out over 20 local sshd hosts against parallel-ssh; reused connections (engine issue)
//   runs      run history and guard lookups over 300 journals, with and without the run index
// Usage: npm run bench [-- --only journal,ssh] [-- --runs N] [-- --no-build]
import { benchJournal } from './bench/journal';
import { benchRenderer } from './bench/renderer';
import { benchRuns } from './bench/runs';
import { benchSshFanout } from './bench/ssh-fanout';

const args = process.argv.slice(2);
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '').split(',') : undefined;
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;

const suites: Record<string, () => Promise<Record<string, string | number>>> = {
  renderer: () => benchRenderer({ runs, build: !args.includes('--no-build') }),
  journal: benchJournal,
  ssh: benchSshFanout,
  runs: benchRuns,
};

console.log('Release Pilot benchmark');
let failed = false;
for (const [name, bench] of Object.entries(suites)) {
  if (only && !only.includes(name)) continue;
  console.log(`\n${name}`);
  try {
    for (const [label, value] of Object.entries(await bench())) console.log(`  ${label.padEnd(34)} ${value}`);
  } catch (error) {
    failed = true;
    console.log(`  could not run: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exit(failed ? 1 : 0);
