import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../test-lab/sshd-lab';

// A real Prometheus (Debian's package) on loopback, scraping a tiny exporter of our own every
// second. Tests set the exporter's gauges and query Prometheus for them.

export const prometheusBinary = '/usr/bin/prometheus';

export interface Exporter {
  url: string;
  /** Sets a gauge (with optional labels, e.g. { instance_group: "a" }). */
  set(name: string, value: number, labels?: Record<string, string>): void;
  /** Drops a series from the exposition (Prometheus then marks it stale). */
  remove(name: string, labels?: Record<string, string>): void;
  close(): Promise<void>;
}

export interface PrometheusLab {
  url: string;
  exporter: Exporter;
  /** What Prometheus printed, for a failing test to show. */
  output(): string;
  stop(): Promise<void>;
}

export function havePrometheus(): boolean {
  return existsSync(prometheusBinary);
}

export async function startExporter(): Promise<Exporter> {
  const gauges = new Map<string, number>();
  const server: Server = createServer((_req, res) => {
    const lines = [...gauges].map(([series, value]) => `${series} ${value}`);
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(`${lines.join('\n')}\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the exporter has no port');
  return {
    url: `http://127.0.0.1:${address.port}/metrics`,
    set: (name, value, labels) => gauges.set(seriesOf(name, labels), value),
    remove: (name, labels) => gauges.delete(seriesOf(name, labels)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function seriesOf(name: string, labels?: Record<string, string>): string {
  return labels ? `${name}{${Object.entries(labels).map(([k, v]) => `${k}="${v}"`)}}` : name;
}

export async function startPrometheusLab(): Promise<PrometheusLab> {
  const exporter = await startExporter();
  const dir = mkdtempSync(join(tmpdir(), 'rp-prometheus-'));
  const port = await freePort();
  const config = join(dir, 'prometheus.yml');
  writeFileSync(
    config,
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'scrape_configs:',
      '  - job_name: app',
      `    metrics_path: ${new URL(exporter.url).pathname}`,
      '    static_configs:',
      `      - targets: ['${new URL(exporter.url).host}']`,
      '',
    ].join('\n'),
  );
  let output = '';
  const child: ChildProcess = spawn(
    prometheusBinary,
    [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await exporter.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, exporter, output: () => output, stop };
}

async function waitReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prometheus exited (${child.exitCode}):\n${output()}`);
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`prometheus at ${url} not ready within 30 s:\n${output()}`);
}
