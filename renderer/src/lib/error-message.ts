// Turns whatever a failed call threw into the sentence shown to a person. The host's ApiError
// messages are written for people but start lower-case (they also appear mid-sentence in logs),
// so a leading plain word is capitalised; a message that starts with a path or a name is not.

export function errorMessage(error: unknown): string {
  const raw =
    error instanceof Error ? error.message : typeof error === 'string' ? error : 'something went wrong (no details)';
  return sentenceCase(raw.trim() || 'something went wrong (no details)');
}

export function sentenceCase(message: string): string {
  const firstWord = message.split(/\s/, 1)[0] ?? '';
  if (!/^[a-z][a-z']*$/.test(firstWord)) return message;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** The error code an ApiError carries, without importing the class (any thrown value is accepted). */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
