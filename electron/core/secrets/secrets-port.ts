// Where `${secret:NAME}` values come from. The desktop app keeps them in the OS keychain through
// Electron's safeStorage (electron/main); the CLI and the browser host read the environment.

export interface SecretsPort {
  get(name: string): Promise<string | undefined>;
  /** Tells a person where to put a missing secret, in this host's terms. */
  howToSet(name: string): string;
}

export class MissingSecretError extends Error {
  readonly code = 'missing-secret';
  constructor(
    readonly names: string[],
    hint: string,
  ) {
    super(`${names.length === 1 ? 'secret' : 'secrets'} ${names.map((n) => `"${n}"`).join(', ')} not set: ${hint}`);
    this.name = 'MissingSecretError';
  }
}
