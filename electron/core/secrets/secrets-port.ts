// Where `${secret:NAME}` values come from. The desktop app keeps them in the OS keychain through
// Electron's safeStorage (electron/main); the CLI and the browser host read the environment.

export interface SecretsPort {
  readonly storage: 'keychain' | 'environment';
  get(name: string): Promise<string | undefined>;
  /** Tells a person where to put a missing secret, in this host's terms. */
  howToSet(name: string): string;
  names(): string[];
  /** Only where values can be kept safely (the keychain); elsewhere these throw, saying why. */
  set(name: string, value: string): void;
  delete(name: string): void;
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

export class SecretsReadOnlyError extends Error {
  readonly code = 'not-implemented';
  constructor(message: string) {
    super(message);
    this.name = 'SecretsReadOnlyError';
  }
}
