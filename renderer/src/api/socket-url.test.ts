import { describe, expect, it } from 'vitest';
import { apiSocketUrl, hostProbeUrl } from './socket-url';

describe('apiSocketUrl', () => {
  it('targets /api on the same host and port', () => {
    expect(apiSocketUrl({ protocol: 'http:', host: '127.0.0.1:4310' }, 'abc')).toBe(
      'ws://127.0.0.1:4310/api?token=abc',
    );
  });

  it('uses wss behind https', () => {
    expect(apiSocketUrl({ protocol: 'https:', host: 'rp.local' }, 'abc')).toBe('wss://rp.local/api?token=abc');
  });

  it('escapes the token', () => {
    expect(apiSocketUrl({ protocol: 'http:', host: 'h:1' }, 'a+b/c=')).toBe('ws://h:1/api?token=a%2Bb%2Fc%3D');
  });
});

describe('hostProbeUrl', () => {
  it('asks the page address of the same origin, with the escaped token', () => {
    expect(hostProbeUrl('a+b/c=')).toBe('/?token=a%2Bb%2Fc%3D');
  });
});
