// `npm run bench`: every figure the issues budget, printed, never asserted in tests.
//   renderer  initial JS size, browser host start → first paint (foundation issue)
//   journal   durable appends per second, verify time (engine issue)
//   ssh       fan-out over 20 local sshd hosts against parallel-ssh; reused connections (engine issue)
//   runs      run history and guard lookups over 300 journals, with and without the run index
//   report    the deployment report from a 100,000-event journal (report issue)
//   switch    blue-green switch-back through real nginx: revert → old version answering (strategies issue)
//   probes    CPU cost of synthetic probes at 100 requests/s (strategies issue)
//   notify    notifications: cost inside the journal's emit, delivery, a dead receiver at flush
//   screens   switching screens during a live run, to the new screen's first paint (UI issue)
//   demo      the built-in demo from nothing to its third report, by the CLI (demo issue)
//   logs      live-log viewer in Chromium: 50,000 lines/s, frame times, heap after 1,000,000 lines (UI issue)
// Usage: npm run bench [-- --only journal,ssh] [-- --runs N] [-- --no-build]
import { benchDemo } from './bench/demo';
import { benchJournal } from './bench/journal';
import { benchLogs } from './bench/logs';
import { benchNotify } from './bench/notify';
import { benchProbes } from './bench/probes';
import { benchRenderer } from './bench/renderer';
import { benchReport } from './bench/report';
import { benchRuns } from './bench/runs';
import { benchScreenSwitch } from './bench/screen-switch';
import { benchSshFanout } from './bench/ssh-fanout';
import { benchSwitchBack } from './bench/switch-back';

const args = process.argv.slice(2);
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '').split(',') : undefined;
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;

const suites: Record<string, () => Promise<Record<string, string | number>>> = {
  renderer: () => benchRenderer({ runs, build: !args.includes('--no-build') }),
  journal: benchJournal,
  ssh: benchSshFanout,
  runs: benchRuns,
  report: benchReport,
  switch: benchSwitchBack,
  probes: benchProbes,
  notify: benchNotify,
  logs: () => benchLogs({ build: !args.includes('--no-build') }),
  screens: () => benchScreenSwitch({ build: !args.includes('--no-build') }),
  demo: benchDemo,
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
