import { describe, expect, it } from 'vitest';
import { HttpCheckError } from './http-check-error';
import { describeHttpCheck, describeStatusExpectation, type HttpCheckOptions, planHttpCheck } from './http-check-plan';

function refusal(options: HttpCheckOptions): HttpCheckError {
  try {
    planHttpCheck(options);
  } catch (error) {
    if (error instanceof HttpCheckError) return error;
    throw error;
  }
  throw new Error('expected an HttpCheckError');
}

describe('http check plans', () => {
  it('fills every default and describes the check for a dry run', () => {
    const plan = planHttpCheck({ url: 'http://127.0.0.1:8080/health' });
    expect(plan).toEqual({
      kind: 'http-check',
      method: 'GET',
      url: 'http://127.0.0.1:8080/health',
      displayUrl: 'http://127.0.0.1:8080/health',
      headers: {},
      expectStatus: { kind: 'range', min: 200, max: 399 },
      timeoutMs: 10_000,
      retries: 0,
      intervalMs: 1000,
      followRedirects: false,
    });
    expect(describeHttpCheck(plan)).toBe('GET http://127.0.0.1:8080/health, expect status 200–399, timeout 10000 ms');
  });

  it('hides secrets: URL passwords become a Basic header and are masked, token headers are not printed', () => {
    const plan = planHttpCheck({
      url: 'https://ops:p%40ss@example.test/ready',
      method: 'post',
      body: '{}',
      headers: { 'X-Api-Key': 'k-123', Accept: 'application/json' },
      expectStatus: [200, 201, 204],
      expectBodyContains: 'ready',
      retries: 2,
      intervalMs: 500,
    });
    expect(plan.url).toBe('https://example.test/ready');
    expect(plan.displayUrl).toBe('https://ops:***@example.test/ready');
    expect(plan.headers.Authorization).toBe(`Basic ${Buffer.from('ops:p@ss').toString('base64')}`);
    const line = describeHttpCheck(plan);
    expect(line).toBe(
      'POST https://ops:***@example.test/ready, expect status 200, 201 or 204, headers X-Api-Key: …, Accept: application/json, Authorization: …, body contains "ready", timeout 10000 ms, 2 retries every 500 ms',
    );
    expect(line).not.toContain('k-123');
  });

  it('words status expectations the way people say them', () => {
    expect(describeStatusExpectation({ kind: 'list', codes: [200] })).toBe('200');
    expect(describeStatusExpectation({ kind: 'list', codes: [200, 204] })).toBe('200 or 204');
  });

  it('refuses malformed checks, naming the URL and the field', () => {
    expect(refusal({ url: 'not a url' }).message).toBe('http check: url "not a url" is not a valid URL');
    expect(refusal({ url: 'ftp://example.test/x' }).message).toBe(
      'http check GET ftp://example.test/x: url must be http or https',
    );
    expect(refusal({ url: 'http://h/', expectBodyMatches: '(' }).message).toMatch(
      /^http check GET http:\/\/h\/: expectBodyMatches is not a valid regular expression/,
    );
    expect(refusal({ url: 'http://h/', expectStatus: [700] }).message).toBe(
      'http check GET http://h/: expectStatus 700 is not an HTTP status',
    );
    expect(refusal({ url: 'http://h/', body: 'x' }).message).toBe(
      'http check GET http://h/: body is not allowed with GET',
    );
    expect(refusal({ url: 'http://h/', method: 'G T' }).details).toEqual({ field: 'method' });
    expect(refusal({ url: 'http://h/', retries: 1.5 }).message).toBe(
      'http check GET http://h/: retries must be a whole number',
    );
    expect(refusal({ url: 'http://h/', timeoutMs: 0 }).message).toBe(
      'http check GET http://h/: timeoutMs must be a positive number',
    );
    expect(refusal({ url: 'http://h/', headers: { 'bad header': 'x' } }).details).toEqual({ field: 'headers' });
  });
});
