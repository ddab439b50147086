import type { Logger } from '../ports';

// The application log (<data>/logs) sees tool errors and messages of a run too; they pass through
// the run's redactor like everything else that leaves it, so a secret echoed in an error message
// is not written there either.

export function redactingLogger(logger: Logger, redact: (text: string) => string): Logger {
  const clean = (fields?: Record<string, unknown>) =>
    fields ? (JSON.parse(redact(JSON.stringify(fields))) as Record<string, unknown>) : undefined;
  return {
    debug: (message, fields) => logger.debug(redact(message), clean(fields)),
    info: (message, fields) => logger.info(redact(message), clean(fields)),
    warn: (message, fields) => logger.warn(redact(message), clean(fields)),
    error: (message, fields) => logger.error(redact(message), clean(fields)),
    child: (bindings) => redactingLogger(logger.child(clean(bindings) ?? {}), redact),
  };
}
