import type { FlagProvider } from '../../../../shared/formats/deploy-schema';
import type { SshConnection } from '../../ssh/ssh-connection';
import type { FlagSwitch } from '../deploy-strategy';
import { createFileFlagSwitch } from './file-flag-switch';
import { localFlagFile, sshFlagFile } from './flag-file-store';
import { createHttpFlagSwitch } from './http-flag-switch';

/** The FlagSwitch an environment's `deploy.flags.provider` describes (for StrategyContext.flags). */
export function flagSwitchFor(
  provider: FlagProvider,
  deps: { connection(host: string): Promise<SshConnection> },
): FlagSwitch {
  if (provider.kind === 'http') return createHttpFlagSwitch({ url: provider.url, headers: provider.headers });
  const hosts = provider.hosts;
  if (!hosts) return createFileFlagSwitch({ path: provider.path, stores: [localFlagFile(provider.path)] });
  return createFileFlagSwitch({
    path: provider.path,
    stores: hosts.map((host) => sshFlagFile(host, provider.path, () => deps.connection(host))),
    hosts,
  });
}
