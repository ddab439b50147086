// Probe cost: synthetic probes at 100 requests/s for 10 s against a local app, measured as the
// engine's CPU time (process.cpuUsage) over wall time. The app runs in a child process so its own
// CPU is not counted. Budget (issue #4): under 5 % of one core. Prints only when run directly:
//   npx tsx scripts/bench/probes.ts
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { startProbes } from '../../electron/core/monitor/probes';
import type { ProbeSample } from '../../shared/monitor/probe-sample';
import { summarizeSamples } from '../../shared/monitor/summarize-samples';

const RATE = 100;
const SECONDS = 10;

const APP = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'x-version': 'v1' });
  res.end('{"status":"ok","version":"v1"}');
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

export async function benchProbes(): Promise<Record<string, string | number>> {
  const { child, port } = await startApp();
  try {
    const samples: ProbeSample[] = [];
    const probes = startProbes({
      url: `http://127.0.0.1:${port}/health`,
      ratePerSecond: RATE,
      timeoutMs: 2000,
      onSample: (s) => samples.push(s),
    });
    // Let the keep-alive connections open before measuring the steady state.
    await sleep(1000);
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const countBefore = samples.length;
    await sleep(SECONDS * 1000);
    const cpu = process.cpuUsage(cpuBefore);
    const wallMs = performance.now() - wallBefore;
    const measured = samples.slice(countBefore);
    await probes.stop();
    const { metrics } = summarizeSamples(measured, wallMs);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    return {
      rate_per_second: RATE,
      seconds: SECONDS,
      probes_measured: measured.length,
      failed: metrics.failures,
      throughput_per_second: round(metrics.throughput),
      p50_latency_ms: round(metrics.p50 ?? Number.NaN),
      p99_latency_ms: round(metrics.p99 ?? Number.NaN),
      engine_cpu_ms: Math.round(cpuMs),
      engine_cpu_percent_of_one_core: round((cpuMs / wallMs) * 100),
      budget_percent: 5,
      connections_opened: probes.stats().connections,
    };
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
}

async function startApp(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['-e', APP], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = Number(chunk.toString().trim());
  if (!Number.isInteger(port)) throw new Error(`the bench app did not print its port: ${chunk.toString()}`);
  return { child, port };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [label, value] of Object.entries(await benchProbes())) console.log(`${label.padEnd(34)} ${value}`);
}
