import type { SecretsPort } from './secrets-port';

// CLI and browser host: `${secret:DB_PASSWORD}` reads RELEASE_PILOT_SECRET_DB_PASSWORD. A prefix,
// so a runbook can never read an arbitrary variable of the operator's shell (AWS keys, tokens).

export const secretEnvPrefix = 'RELEASE_PILOT_SECRET_';

export function envSecrets(env: NodeJS.ProcessEnv = process.env): SecretsPort {
  return {
    async get(name) {
      const value = env[`${secretEnvPrefix}${name}`];
      return value === undefined || value === '' ? undefined : value;
    },
    howToSet(name) {
      return `export ${secretEnvPrefix}${name}=… before starting release-pilot`;
    },
  };
}
