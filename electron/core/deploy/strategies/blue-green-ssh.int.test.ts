import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NamedEnvironment } from '../../../../shared/formats/environment-schema';
import { createTargetHosts, type TargetHosts } from '../../run/target-hosts';
import { type SshdLab, startSshdLab } from '../../test-lab/sshd-lab';
import { recordingLogger } from '../../test-support/recording-logger';
import { sampleVersions } from '../test-support/request-loop';
import { type SlotLab, startSlotLab } from '../test-support/slot-lab';
import { testStrategyContext } from '../test-support/test-strategy-context';
import { createTrafficSwitch } from '../traffic/create-traffic-switch';
import { createBlueGreenStrategy } from './blue-green';

// Blue-green where nginx and Docker are "on a host": an sshd lab host on loopback, reached as the
// engine reaches one (the run's SSH pool): the upstream file goes over SFTP, `nginx -t` and the
// reload run over exec, Docker over `docker system dial-stdio`, and the health check through an
// SSH direct-tcpip channel to the slot's port on the host's loopback.

let sshd: SshdLab;
let lab: SlotLab | undefined;
let hosts: TargetHosts | undefined;
beforeAll(async () => {
  sshd = await startSshdLab({ hosts: 1 });
});
afterAll(async () => {
  await sshd?.stop();
});
afterEach(async () => {
  await hosts?.close();
  await lab?.stop();
  hosts = undefined;
  lab = undefined;
});

describe('blue-green on a host over SSH', () => {
  it('deploys v1 then v2 and reverts, every step over the host connection', async () => {
    lab = await startSlotLab({ versions: ['v1', 'v2'] });
    const host = sshd.hosts[0]!;
    const environment: NamedEnvironment = {
      ...lab.environment,
      hosts: [
        {
          name: host.name,
          address: host.address,
          port: host.port,
          identityFile: host.identityFile,
          knownHosts: host.knownHosts,
        },
      ],
      docker: { via: 'ssh' },
      proxy: { ...lab.environment.proxy!, host: host.name },
    };
    const target = createTargetHosts(environment, '/', recordingLogger().logger);
    hosts = target;
    const contextFor = (version: string, runId: string) =>
      testStrategyContext({
        environment,
        version,
        runId,
        traffic: createTrafficSwitch(environment, { runId, connection: (name) => target.connection(name) }),
        docker: (name) => target.docker(name),
        connection: (name) => target.connection(name),
      });
    const strategy = createBlueGreenStrategy();

    await strategy.deploy(contextFor('v1', 'run-v1'));
    await lab.nginx.settled();
    const ctx = contextFor('v2', 'run-v2');
    const outcome = await strategy.deploy(ctx);
    await lab.nginx.settled();
    expect(await sampleVersions(lab.versionUrl, 10)).toEqual({ v2: 10 });
    expect(outcome.detail).toContain(`via nginx on ${host.name}`);
    expect(ctx.switches[0]?.where).toBe(`nginx on ${host.name}`);
    expect(ctx.output.some((o) => o.host === host.name && o.line.includes('syntax is ok'))).toBe(true);

    await strategy.revert(ctx, 'test');
    await lab.nginx.settled();
    expect(await sampleVersions(lab.versionUrl, 10)).toEqual({ v1: 10 });
  }, 90_000);
});
