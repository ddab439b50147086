import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { waitPortOpen } from '../lib/port-open';
import type { DemoNginx, DemoProxyPorts } from './demo-proxy';

// The demo nginx as a process: started as a daemon (it outlives the app), found again by its pid
// file, and stopped. A pid file can outlive its process (a crash, a power cut) and the number then
// belongs to someone else: it is trusted only when that process is an nginx run with our prefix.

const run = promisify(execFile);

async function commandLine(pid: number): Promise<string> {
  const proc = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  if (proc !== undefined) return proc.replaceAll('\0', ' ');
  // No /proc (macOS): ps says the same.
  const { stdout } = await run('ps', ['-p', String(pid), '-o', 'command='], { timeout: 5000 }).catch(() => ({
    stdout: '',
  }));
  return stdout;
}

export async function masterPid(nginx: DemoNginx): Promise<number | undefined> {
  const text = await readFile(nginx.pidFile, 'utf8').catch(() => '');
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const command = await commandLine(pid);
  return command.includes('nginx') && command.includes(nginx.dir) ? pid : undefined;
}

export async function nginxRunning(nginx: DemoNginx): Promise<boolean> {
  return (await masterPid(nginx)) !== undefined;
}

function failure(error: unknown): string {
  const said = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
  return said.split('\n').filter(Boolean).slice(-2).join(' | ');
}

/** `nginx -t` on the demo's config: undefined when nginx accepts it, else what nginx said. */
export async function testDemoNginx(nginx: DemoNginx): Promise<string | undefined> {
  try {
    await run(nginx.binary, ['-t', ...nginx.base], { timeout: 10_000 });
    return undefined;
  } catch (error) {
    return failure(error);
  }
}

/** Starts the demo's nginx (it daemonizes, so it outlives this process) unless it runs already. */
export async function startDemoNginx(nginx: DemoNginx, ports: DemoProxyPorts): Promise<void> {
  if (await nginxRunning(nginx)) return;
  try {
    await run(nginx.binary, nginx.base, { timeout: 10_000 });
  } catch (error) {
    const log = (await readFile(nginx.errorLog, 'utf8').catch(() => '')).trim().split('\n').slice(-3).join(' | ');
    throw new Error(
      `The demo's nginx (${nginx.binary}) did not start: ${failure(error)}${log ? ` (${nginx.errorLog}: ${log})` : ''}`,
    );
  }
  for (const port of [ports.staging, ports.production]) {
    await waitPortOpen(port, {
      timedOut: () => new Error(`The demo's nginx does not listen on 127.0.0.1:${port} (see ${nginx.errorLog})`),
    });
  }
}

/** Fast shutdown (SIGTERM), waiting for the master to be gone. */
export async function stopDemoNginx(nginx: DemoNginx): Promise<boolean> {
  const pid = await masterPid(nginx);
  if (pid === undefined) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while ((await masterPid(nginx)) !== undefined) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
