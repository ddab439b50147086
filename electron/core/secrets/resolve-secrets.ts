import { secretNames } from '../../../shared/formats/interpolate';
import { MissingSecretError, type SecretsPort } from './secrets-port';

// Every secret a run will need is resolved before it starts, so a missing one stops the run at
// the door, not halfway through production.

export async function resolveSecrets(sources: unknown[], port: SecretsPort): Promise<Record<string, string>> {
  const names = [...new Set(sources.flatMap((source) => secretNames(JSON.stringify(source ?? null))))].sort();
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of names) {
    const value = await port.get(name);
    if (value === undefined) missing.push(name);
    else values[name] = value;
  }
  if (missing.length > 0) throw new MissingSecretError(missing, missing.map((name) => port.howToSet(name)).join('; '));
  return values;
}
