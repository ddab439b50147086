import { type ReactNode, useEffect, useState } from 'react';
import type { DockerCheck, HostCheck, ProxyCheck } from '../../../../shared/api/schemas/environments';
import type { NamedEnvironment } from '../../../../shared/formats/environment-schema';
import { Banner } from '../../ui/banner';
import { AlertTriangle, CircleCheck, Loader } from '../../ui/icons';
import type { TestEntry } from './connection-test-store';
import { CircleX } from './environment-icons';
import { checkCounts, dockerSummary, hostSummary, keySummary, proxySummary, testScope } from './test-text';
import './connection-test.css';

type Verdict = 'ok' | 'warn' | 'fail';

function Check({ verdict, title, children }: { verdict: Verdict; title: string; children: ReactNode }) {
  const Icon = verdict === 'ok' ? CircleCheck : verdict === 'warn' ? AlertTriangle : CircleX;
  const label = verdict === 'ok' ? 'Passed' : verdict === 'warn' ? 'Warning' : 'Failed';
  return (
    <li className={`check check-${verdict}`}>
      <Icon size={16} role="img" aria-label={label} className="check-icon" />
      <div className="check-body">
        <p className="check-title">{title}</p>
        {children}
      </div>
    </li>
  );
}

function HostRow({ host }: { host: HostCheck }) {
  const key = keySummary(host);
  const verdict: Verdict = !host.reachable ? 'fail' : host.keyMatches === false ? 'fail' : 'ok';
  return (
    <Check verdict={verdict} title={`SSH · ${host.label}`}>
      <p>{hostSummary(host)}</p>
      {host.fingerprint ? (
        <p className="check-key">
          Host key <code data-testid={`fingerprint-${host.host}`}>{host.fingerprint}</code>{' '}
          <span className={`check-key-${key.tone}`}>{key.text}</span>
        </p>
      ) : null}
      {host.error ? <p className="check-error">{host.error}</p> : null}
    </Check>
  );
}

function DockerRow({ docker }: { docker: DockerCheck }) {
  return (
    <Check verdict={docker.ok ? 'ok' : 'fail'} title={`Docker · ${docker.label}`}>
      <p className={docker.ok ? undefined : 'check-error'}>{dockerSummary(docker)}</p>
    </Check>
  );
}

function ProxyRow({ proxy }: { proxy: ProxyCheck }) {
  return (
    <Check verdict={proxy.ok ? 'ok' : 'fail'} title={`Proxy · nginx on ${proxy.where}`}>
      <p className={proxy.ok ? undefined : 'check-error'}>{proxySummary(proxy)}</p>
      <p className="check-argv">
        <code>{proxy.argv.join(' ')}</code>
      </p>
      {proxy.output.length ? <pre className="check-output">{proxy.output.join('\n')}</pre> : null}
    </Check>
  );
}

function useElapsed(since: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [running]);
  return Math.max(0, Math.floor(((running ? now : since) - since) / 1000));
}

/** The last connection test of an environment: progress while it runs, then one line per check. */
export function ConnectionTestPanel({ environment, entry }: { environment: NamedEnvironment; entry: TestEntry }) {
  const running = entry.phase === 'running';
  const elapsed = useElapsed(entry.startedAt, running);
  if (running) {
    return (
      <div className="conn-test" aria-live="polite">
        <p className="conn-test-progress" role="status">
          <Loader size={14} aria-hidden className="loading-icon" />
          Testing {testScope(environment)}… {elapsed} s
        </p>
      </div>
    );
  }
  if (entry.phase === 'failed' || !entry.result) {
    return (
      <div className="conn-test">
        <Banner tone="danger" role="alert" title="The connection test could not run">
          {entry.error}
        </Banner>
      </div>
    );
  }
  const result = entry.result;
  const counts = checkCounts(result);
  return (
    <section className="conn-test" aria-label={`Connection test of ${environment.name}`}>
      <p className={`conn-test-summary conn-test-${counts.failed ? 'failed' : 'passed'}`} role="status">
        {counts.failed ? `${counts.failed} of ${counts.total} checks failed` : `All ${counts.total} checks passed`}{' '}
        <span className="conn-test-time">in {(result.ms / 1000).toFixed(1)} s</span>
      </p>
      <ul className="checks">
        {result.hosts.map((host) => (
          <HostRow key={host.host} host={host} />
        ))}
        {result.docker.map((docker) => (
          <DockerRow key={docker.target} docker={docker} />
        ))}
        {result.proxy ? <ProxyRow proxy={result.proxy} /> : null}
      </ul>
    </section>
  );
}
