import { describe, expect, it } from 'vitest';
import { answerFromFailure, hostVerdict, probeDelayMs } from './host-probe';

describe('hostVerdict', () => {
  it('reads a failed request as a host that is not running', () => {
    expect(hostVerdict({ kind: 'network-error' })).toBe('not-running');
  });

  it('reads 401 (and 403) as a host that refuses the token of this page', () => {
    expect(hostVerdict({ kind: 'status', status: 401 })).toBe('token-refused');
    expect(hostVerdict({ kind: 'status', status: 403 })).toBe('token-refused');
  });

  it('reads any other answer as a host that is up and admits the page', () => {
    for (const status of [200, 204, 304, 404, 500]) expect(hostVerdict({ kind: 'status', status })).toBe('reachable');
  });

  it('draws no conclusion from a probe that got no answer in time', () => {
    expect(hostVerdict({ kind: 'timeout' })).toBe('unknown');
  });
});

describe('answerFromFailure', () => {
  it('tells our own time limit from a refused connection', () => {
    expect(answerFromFailure(Object.assign(new Error('signal timed out'), { name: 'TimeoutError' }))).toEqual({
      kind: 'timeout',
    });
    expect(answerFromFailure(new TypeError('Failed to fetch'))).toEqual({ kind: 'network-error' });
    expect(answerFromFailure(undefined)).toEqual({ kind: 'network-error' });
  });
});

describe('probeDelayMs', () => {
  it('waits a moment first, then backs off to a few seconds and stays there', () => {
    const delays = Array.from({ length: 8 }, (_, attempt) => probeDelayMs(attempt));
    expect(delays).toEqual([1000, 2000, 4000, 5000, 5000, 5000, 5000, 5000]);
  });

  it('never asks faster than once a second', () => {
    expect(probeDelayMs(-3)).toBe(1000);
  });
});
