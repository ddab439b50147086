import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../shared/runs/redact';
import { recordingLogger } from '../test-support/recording-logger';
import { redactingLogger } from './redacting-logger';

describe('redactingLogger', () => {
  it('masks secrets in messages, fields and child bindings', () => {
    const { logger, lines } = recordingLogger();
    const log = redactingLogger(logger, createRedactor(['hunter2-secret']));
    log.warn('command `echo hunter2-secret` failed', { error: 'exit 1: hunter2-secret' });
    log.child({ argv: ['echo', 'hunter2-secret'] }).info('ran');
    expect(JSON.stringify(lines)).not.toContain('hunter2-secret');
    expect(JSON.stringify(lines)).toContain('[secret]');
  });
});
