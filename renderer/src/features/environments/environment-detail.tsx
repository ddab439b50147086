import type { Problem } from '../../../../shared/api/schemas/common';
import type { NamedEnvironment } from '../../../../shared/formats/environment-schema';
import { countLabel } from '../../lib/format-problem';
import { Button } from '../../ui/button';
import { Lock, PlugZap } from '../../ui/icons';
import { Panel } from '../../ui/panel';
import { ProblemList } from '../../ui/problem-list';
import { PropertyList } from '../../ui/property-list';
import { StatusBadge } from '../../ui/status-badge';
import { ConnectionTestPanel } from './connection-test-panel';
import { testKey, useConnectionTests } from './connection-test-store';
import { appLines, deployLines, dockerText, gateLines, type Line, monitoringLines } from './environment-properties';
import { HostsTable } from './hosts-table';

function Section({ title, lines }: { title: string; lines: Line[] }) {
  return (
    <Panel title={title} className="env-section">
      <PropertyList
        items={lines.map((line) => ({
          label: line.label,
          value: <span className="env-value">{line.value}</span>,
          mono: line.mono,
        }))}
      />
    </Panel>
  );
}

/** Everything one environment says, grouped as a release manager checks it, and its connection test. */
export function EnvironmentDetail({
  projectId,
  environment: env,
  problems,
}: {
  projectId: string;
  environment: NamedEnvironment;
  problems: readonly Problem[];
}) {
  const test = useConnectionTests((state) => state.byKey[testKey(projectId, env.name)]);
  const run = useConnectionTests((state) => state.run);
  const facts = [
    countLabel(env.hosts.length, 'host'),
    dockerText(env.docker),
    env.proxy ? `nginx proxy on ${env.proxy.host ?? 'this machine'}` : undefined,
  ].filter(Boolean);
  return (
    <div className="env-detail">
      <Panel
        className="env-header"
        title={
          <>
            <span className="visually-hidden">Environment </span>
            {env.name}
            {env.protected ? (
              <StatusBadge tone="warning" icon={<Lock aria-hidden />}>
                Protected
              </StatusBadge>
            ) : null}
          </>
        }
        description={env.description ?? facts.join(' · ')}
        actions={
          <Button
            variant="primary"
            icon={PlugZap}
            busy={test?.phase === 'running'}
            onClick={() => void run(projectId, env.name)}
          >
            {test?.phase === 'running' ? 'Testing…' : 'Test connection'}
          </Button>
        }
      >
        {env.description ? <p className="env-facts">{facts.join(' · ')}</p> : null}
        {problems.length ? <ProblemList problems={problems} label={`Warnings for ${env.name}`} /> : null}
        {test ? <ConnectionTestPanel environment={env} entry={test} /> : null}
      </Panel>
      <Panel title="Hosts" description="Reached over SSH with their host keys pinned." body="flush">
        <HostsTable environment={env.name} hosts={env.hosts} />
      </Panel>
      <div className="env-sections">
        <Section title="Gates" lines={gateLines(env)} />
        <Section title="Docker and app" lines={appLines(env)} />
        <Section title="Traffic and deploy" lines={deployLines(env)} />
        <Section title="Monitoring" lines={monitoringLines(env)} />
      </div>
    </div>
  );
}
