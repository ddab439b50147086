import { safeStorage } from 'electron';
import ElectronStore from 'electron-store';
import { type SecretsPort, SecretsReadOnlyError } from '../core/secrets/secrets-port';

// `${secret:NAME}` in the desktop app: values encrypted with the OS keychain (safeStorage: Keychain
// on macOS, DPAPI on Windows, libsecret/kwallet on Linux) and kept, encrypted, in their own store
// file in userData. Plain values never touch the disk. Where no keychain is available (a Linux
// session without a secret service) the environment variables the CLI reads still work.

export function createSafeStorageSecrets(cwd: string, fallback: SecretsPort): SecretsPort {
  const store = new ElectronStore<Record<string, string>>({ cwd, name: 'secrets' });
  const available = () => safeStorage.isEncryptionAvailable();
  return {
    storage: 'keychain',
    async get(name) {
      const sealed = store.get(name);
      if (sealed && available()) return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      return fallback.get(name);
    },
    howToSet(name) {
      return available()
        ? `add ${name} in Settings → Secrets (kept in the system keychain)`
        : `this system has no keychain for Release Pilot; ${fallback.howToSet(name)}`;
    },
    set(name, value) {
      if (!available()) {
        throw new SecretsReadOnlyError(
          'the system keychain is not available, so secrets cannot be stored safely here; use RELEASE_PILOT_SECRET_<NAME> environment variables instead',
        );
      }
      store.set(name, safeStorage.encryptString(value).toString('base64'));
    },
    delete(name) {
      store.delete(name);
    },
    names() {
      return [...new Set([...Object.keys(store.store), ...fallback.names()])].sort();
    },
  };
}
