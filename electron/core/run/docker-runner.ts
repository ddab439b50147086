import type { PlanOf } from '../../../shared/plans/action-plan';
import { DockerError } from '../docker/docker-errors';
import type { DockerOps } from '../docker/docker-ops';
import { runOnHosts } from '../ssh/fan-out';
import type { ToolIO } from './run-tools';
import type { TargetHosts } from './target-hosts';

// Docker plans executed on each engine they name. Several hosts run in parallel; any host's
// failure fails the action, and the message names every host that failed.

type DockerPlan = PlanOf<
  | 'docker.build'
  | 'docker.tag'
  | 'docker.run'
  | 'docker.wait-healthy'
  | 'docker.stop'
  | 'docker.remove'
  | 'docker.logs'
  | 'docker.exec'
  | 'docker.list'
>;

async function onEngine(plan: DockerPlan, ops: DockerOps, io: ToolIO, host: string | undefined): Promise<unknown> {
  const say = (line: string, stream: 'stdout' | 'stderr' | 'info' = 'stdout') => io.output(host, stream, line);
  switch (plan.kind) {
    case 'docker.build':
      return ops.build(
        { context: plan.context, dockerfile: plan.dockerfile, tags: plan.tags, buildArgs: plan.buildArgs },
        (line) => say(line),
        { signal: io.signal },
      );
    case 'docker.tag':
      return ops.tag(plan.source, plan.target);
    case 'docker.run': {
      const started = await ops.runContainer({
        name: plan.name,
        image: plan.image,
        ports: plan.ports,
        env: plan.env,
        labels: plan.labels,
        version: plan.labels['dev.release-pilot.version'],
        cmd: plan.cmd,
        replace: plan.replace,
        healthcheck: plan.healthcheck,
        network: plan.network,
      });
      say(`started ${started.name} (${started.id.slice(0, 12)}) from ${plan.image}`, 'info');
      return started;
    }
    case 'docker.wait-healthy': {
      const result = await ops.waitHealthy(plan.container, { timeoutMs: plan.timeoutMs, signal: io.signal });
      say(`${plan.container} is ${result.status} after ${result.waitedMs} ms`, 'info');
      return result;
    }
    case 'docker.stop':
      return ops.stop(plan.container);
    case 'docker.remove':
      return ops.remove(plan.container, { force: true });
    case 'docker.logs':
      // The last lines, then done: this action shows logs, it does not watch them.
      return ops.recentLogs(plan.container, { tail: plan.tail }, (stream, line) => say(line, stream));
    case 'docker.exec': {
      const { exitCode } = await ops.exec(plan.container, plan.argv, {
        signal: io.signal,
        onOutput: (stream, line) => say(line, stream),
      });
      if (exitCode !== 0)
        throw new DockerError(
          'exec-failed',
          `${plan.argv.join(' ')} in ${plan.container} exited with code ${exitCode}`,
          { target: ops.client.label },
        );
      return { exitCode };
    }
    case 'docker.list': {
      const containers = await ops.list(plan.label ? { label: plan.label } : {});
      for (const c of containers) say(`${c.name}\t${c.image}\t${c.state}\t${c.status}`);
      return containers.map((c) => ({ name: c.name, image: c.image, state: c.state }));
    }
  }
}

export async function runDockerPlan(
  plan: DockerPlan,
  hosts: TargetHosts,
  io: ToolIO,
  concurrency: number,
): Promise<unknown> {
  if (plan.via !== 'ssh') return onEngine(plan, await hosts.docker('local'), io, undefined);
  const outcomes = await runOnHosts(plan.hosts, async (host) => onEngine(plan, await hosts.docker(host), io, host), {
    concurrency,
    signal: io.signal,
  });
  const failed = outcomes.filter((o) => o.status === 'rejected');
  if (failed.length > 0) {
    const reasons = failed.map(
      (o) => `${o.host}: ${o.status === 'rejected' ? String((o.error as Error)?.message ?? o.error) : ''}`,
    );
    const first = failed[0]!;
    const code =
      first.status === 'rejected' ? ((first.error as { code?: string }).code ?? 'docker-failed') : 'docker-failed';
    throw Object.assign(new Error(`${failed.length} of ${outcomes.length} hosts failed — ${reasons.join('; ')}`), {
      code,
    });
  }
  return Object.fromEntries(outcomes.map((o) => [o.host, o.status === 'fulfilled' ? o.value : undefined]));
}
