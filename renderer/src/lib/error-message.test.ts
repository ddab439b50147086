import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { errorCode, errorMessage, sentenceCase } from './error-message';

describe('errorMessage', () => {
  it('capitalises an ApiError message that starts with a plain word', () => {
    expect(errorMessage(new ApiError('not-found', 'no folder at /srv/shop'))).toBe('No folder at /srv/shop');
  });

  it('leaves a message that starts with a path alone', () => {
    const message = '/srv/shop has no .release-pilot/ folder: a project keeps its runbooks there';
    expect(errorMessage(new ApiError('invalid-project', message))).toBe(message);
  });

  it('accepts strings and unknown values', () => {
    expect(errorMessage('boom')).toBe('Boom');
    expect(errorMessage(42)).toBe('Something went wrong (no details)');
  });
});

describe('sentenceCase', () => {
  it('does not touch a method name or a code', () => {
    expect(sentenceCase('app:info: no answer from the host')).toBe('app:info: no answer from the host');
    expect(sentenceCase('`steps` is missing')).toBe('`steps` is missing');
  });
});

describe('errorCode', () => {
  it('reads the code of an ApiError', () => {
    expect(errorCode(new ApiError('timeout', 'slow'))).toBe('timeout');
    expect(errorCode(new Error('plain'))).toBeUndefined();
  });
});
