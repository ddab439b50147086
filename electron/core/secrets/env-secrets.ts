import { type SecretsPort, SecretsReadOnlyError } from './secrets-port';

// CLI and browser host: `${secret:DB_PASSWORD}` reads RELEASE_PILOT_SECRET_DB_PASSWORD. A prefix,
// so a runbook can never read an arbitrary variable of the operator's shell (AWS keys, tokens).

export const secretEnvPrefix = 'RELEASE_PILOT_SECRET_';

export function envSecrets(env: NodeJS.ProcessEnv = process.env): SecretsPort {
  const refuse = (): never => {
    throw new SecretsReadOnlyError(
      `secrets are read from ${secretEnvPrefix}<NAME> environment variables here; set them before starting release-pilot`,
    );
  };
  return {
    storage: 'environment',
    async get(name) {
      const value = env[`${secretEnvPrefix}${name}`];
      return value === undefined || value === '' ? undefined : value;
    },
    howToSet(name) {
      return `export ${secretEnvPrefix}${name}=… before starting release-pilot`;
    },
    names: () =>
      Object.keys(env)
        .filter((key) => key.startsWith(secretEnvPrefix) && env[key])
        .map((key) => key.slice(secretEnvPrefix.length))
        .sort(),
    set: refuse,
    delete: refuse,
  };
}
