import { z } from 'zod';

// Secrets by name only: values go in (to the keychain) and never come back out through the API.

export const SecretName = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, 'secret names are upper-case words joined by _, e.g. DB_PASSWORD');

export const SecretList = z.object({
  /** Where values are kept: the OS keychain (desktop app) or environment variables (browser host, CLI). */
  storage: z.enum(['keychain', 'environment']),
  names: z.array(z.string()),
});
export type SecretList = z.infer<typeof SecretList>;

export const SetSecretRequest = z
  .object({ name: SecretName, value: z.string().min(1, 'a secret cannot be empty') })
  .strict();
export const DeleteSecretRequest = z.object({ name: SecretName }).strict();
