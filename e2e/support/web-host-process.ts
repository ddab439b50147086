import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'release-pilot.mjs');

export interface HostProcess {
  child: ChildProcess;
  url: string;
  startedAt: number;
  stop(): Promise<void>;
}

/**
 * Starts `release-pilot web` as a person would and waits for the URL line it prints. Used by the
 * e2e global setup and by the benchmark.
 */
export function startHostProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<HostProcess> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [bin, 'web', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser host printed no URL in 30 s:\n${output.join('')}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const line = output
        .join('')
        .split('\n')
        .find((l) => l.startsWith('  open: '));
      if (!line) return;
      clearTimeout(timer);
      resolve({
        child,
        url: line.slice('  open: '.length).trim(),
        startedAt,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited (${code}) before printing its URL:\n${output.join('')}`));
    });
  });
}
