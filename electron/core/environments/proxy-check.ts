import type { ProxyCheck } from '../../../shared/api/schemas/environments';
import type { TrafficProxy } from '../../../shared/formats/deploy-schema';
import { createLocalProxyRunner } from '../deploy/traffic/proxy-runner';
import { createSshProxyRunner } from '../deploy/traffic/ssh-proxy-runner';
import type { SshConnection } from '../ssh/ssh-connection';
import { messageOf, timeBox } from './time-box';

// "Test connection" for the proxy: its configuration test (`nginx -t` unless the file says
// otherwise), run where the proxy runs, exactly as a traffic switch runs it before a reload.

const keptLines = 40;

export async function checkProxy(
  proxy: TrafficProxy,
  connection: (host: string) => Promise<SshConnection>,
  limitMs: number,
): Promise<ProxyCheck> {
  const host = proxy.host;
  const runner = host === undefined ? createLocalProxyRunner() : createSshProxyRunner(host, () => connection(host));
  const started = Date.now();
  const signal = AbortSignal.timeout(limitMs);
  const base = { where: runner.where, argv: [...proxy.test] };
  try {
    const outcome = await timeBox(
      runner.run(proxy.test, { signal, output() {} }),
      limitMs,
      `${runner.where}: ${proxy.test.join(' ')}`,
    );
    const output = outcome.lines.map((l) => l.line).slice(-keptLines);
    const ok = outcome.exitCode === 0;
    return {
      ...base,
      ok,
      exitCode: outcome.exitCode,
      output,
      ms: Date.now() - started,
      ...(ok ? {} : { error: `${runner.where}: ${proxy.test.join(' ')} exited with code ${outcome.exitCode}` }),
    };
  } catch (error) {
    return { ...base, ok: false, output: [], ms: Date.now() - started, error: messageOf(error) };
  }
}
