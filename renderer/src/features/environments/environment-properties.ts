import { formatDuration } from '../../../../shared/formats/duration';
import type { DockerAccess, Host, NamedEnvironment } from '../../../../shared/formats/environment-schema';
import type { Schedule } from '../../../../shared/formats/schedule-schema';

// What the Environments screen says about each part of an environment, as label/value lines.
// Pure (no React), so every phrase is unit-tested and the components only lay them out.

export interface Line {
  label: string;
  value: string;
  mono?: boolean;
}

const dayNames: Record<string, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};
const order = Object.keys(dayNames);

/** `Mon–Thu`, `Mon, Wed, Fri`: consecutive days as a range. */
export function daysText(days: readonly string[]): string {
  const sorted = [...days].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const consecutive = sorted.every((d, i) => i === 0 || order.indexOf(d) === order.indexOf(sorted[i - 1]!) + 1);
  if (consecutive && sorted.length > 2) return `${dayNames[sorted[0]!]}–${dayNames[sorted.at(-1)!]}`;
  return sorted.map((d) => dayNames[d] ?? d).join(', ');
}

export function scheduleLines(schedule: Schedule | undefined): string[] {
  if (!schedule) return ['Any time (no schedule)'];
  const windows = schedule.windows.map((w) => `${daysText(w.days)} ${w.from}–${w.to}`);
  const freezes = schedule.freezes.map(
    (f) => `Frozen ${f.from.replace('T', ' ')} → ${f.to.replace('T', ' ')}: ${f.reason}`,
  );
  return [
    windows.length ? `${windows.join('; ')} (${schedule.timezone})` : `Any time (${schedule.timezone})`,
    ...freezes,
  ];
}

export function dockerText(access: DockerAccess): string {
  switch (access.via) {
    case 'local':
      return `This machine's engine at ${access.socket}`;
    case 'env':
      return 'The engine DOCKER_HOST names';
    case 'ssh':
      return "Each host's engine, over its SSH connection";
  }
}

/** How the host's key is pinned, the fingerprint shortened for a table cell. */
export function hostKeyText(host: Pick<Host, 'hostKey' | 'knownHosts' | 'alias'>): string {
  if (host.hostKey) return host.hostKey.length > 24 ? `${host.hostKey.slice(0, 20)}…` : host.hostKey;
  if (host.knownHosts) return `known_hosts: ${host.knownHosts}`;
  if (host.alias) return `~/.ssh/config (${host.alias})`;
  return 'Not pinned';
}

export function addressText(host: Pick<Host, 'address' | 'port' | 'alias'>): string {
  const address = host.address ?? (host.alias ? `alias ${host.alias}` : '?');
  return host.port ? `${address}:${host.port}` : address;
}

export function gateLines(env: NamedEnvironment): Line[] {
  return [
    {
      label: 'Protected',
      value: env.protected
        ? 'Yes: runs need the required environments passed, the approvals, and the name typed to confirm'
        : 'No',
    },
    { label: 'Requires', value: env.requires.length ? `${env.requires.join(', ')} passed first` : 'Nothing' },
    { label: 'Approvals', value: env.approvals.length ? env.approvals.join(', ') : 'Only those the runbook asks' },
    { label: 'Schedule', value: scheduleLines(env.schedule).join('\n') },
    {
      label: 'Deploy lock',
      value: `${env.lockDir ?? (env.hosts.length ? '.release-pilot/locks on the first host' : "this machine's data folder")}; stale after ${formatDuration(env.staleLockAfter)}`,
    },
    { label: 'Concurrency', value: `${env.concurrency} host${env.concurrency === 1 ? '' : 's'} at once` },
  ];
}

export function appLines(env: NamedEnvironment): Line[] {
  const lines: Line[] = [{ label: 'Docker', value: dockerText(env.docker) }];
  if (env.app) {
    const variables = Object.keys(env.app.env);
    lines.push(
      { label: 'Image', value: env.app.image, mono: true },
      { label: 'Container', value: env.app.container, mono: true },
      {
        label: 'Ports',
        value: env.app.ports.length ? env.app.ports.join(', ') : 'None published',
        mono: env.app.ports.length > 0,
      },
      { label: 'Variables', value: variables.length ? variables.join(', ') : 'None', mono: variables.length > 0 },
      { label: 'Health path', value: env.app.healthPath, mono: true },
    );
  } else {
    lines.push({ label: 'App', value: 'No app section: actions name their images and containers themselves' });
  }
  lines.push(
    { label: 'Health URL', value: env.urls.health ?? 'None', mono: Boolean(env.urls.health) },
    {
      label: 'Smoke URLs',
      value: env.urls.smoke.length ? env.urls.smoke.join('\n') : 'None',
      mono: env.urls.smoke.length > 0,
    },
  );
  return lines;
}

export function deployLines(env: NamedEnvironment): Line[] {
  const { deploy, proxy } = env;
  const lines: Line[] = [];
  if (proxy) {
    lines.push(
      { label: 'Proxy', value: `nginx on ${proxy.host ?? 'this machine'}, upstream "${proxy.upstream}"` },
      { label: 'Upstream file', value: proxy.upstreamFile, mono: true },
      { label: 'Config test', value: proxy.test.join(' '), mono: true },
      { label: 'Reload', value: proxy.reload.join(' '), mono: true },
    );
  } else {
    lines.push({ label: 'Proxy', value: 'None: blue-green and canary need one' });
  }
  if (deploy.slots) lines.push({ label: 'Slots', value: `blue :${deploy.slots.blue}, green :${deploy.slots.green}` });
  const unavailable = deploy.rolling.maxUnavailable ? `, at most ${deploy.rolling.maxUnavailable} out of service` : '';
  lines.push(
    {
      label: 'Rolling',
      value: `${deploy.rolling.batchSize} host${deploy.rolling.batchSize === 1 ? '' : 's'} per batch${unavailable}`,
    },
    {
      label: 'Canary',
      value: `${deploy.canary.weights.map((w) => `${w}%`).join(' → ')}, ${formatDuration(deploy.canary.analysis)} analysis each`,
    },
  );
  if (deploy.flags) {
    const where = deploy.flags.provider.kind === 'file' ? deploy.flags.provider.path : deploy.flags.provider.url;
    lines.push({
      label: 'Feature flag',
      value: `${deploy.flags.flag} (${deploy.flags.provider.kind}: ${where}), ${deploy.flags.steps.map((s) => `${s}%`).join(' → ')}`,
    });
  }
  if (deploy.swarm) {
    lines.push({
      label: 'Swarm',
      value: `service ${deploy.swarm.service}, ${deploy.swarm.parallelism} at a time, on failure ${deploy.swarm.failureAction}`,
    });
  }
  lines.push(
    { label: 'Health timeout', value: formatDuration(deploy.healthTimeout) },
    {
      label: 'Release history',
      value: deploy.historyFile ?? (env.hosts.length ? 'on the first host' : "in this machine's data folder"),
      mono: Boolean(deploy.historyFile),
    },
  );
  return lines;
}

export function monitoringLines(env: NamedEnvironment): Line[] {
  const { probes, prometheus, watch } = env.monitoring;
  const url = probes.url ?? env.urls.health;
  const lines: Line[] = [
    {
      label: 'Probes',
      value: url ? `${url} at ${probes.rate}/s, ${formatDuration(probes.timeout)} timeout` : 'No URL (set urls.health)',
      mono: false,
    },
    {
      label: 'Version from',
      value: probes.version ?? 'not set (a rollback is checked by health)',
      mono: !!probes.version,
    },
    {
      label: 'Windows',
      value: `alerts over ${formatDuration(probes.window)}; baseline ${formatDuration(probes.baseline)}`,
    },
    { label: 'Watch', value: `${formatDuration(watch)} after the cutover` },
  ];
  if (prometheus) {
    const metrics = Object.keys(prometheus.queries);
    lines.push({
      label: 'Prometheus',
      value: `${prometheus.url} every ${formatDuration(prometheus.interval)}: ${metrics.join(', ')}`,
    });
  }
  return lines;
}
