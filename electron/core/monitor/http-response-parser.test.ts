import { describe, expect, it } from 'vitest';
import { createResponseParser, MalformedResponse, type ParsedResponse } from './http-response-parser';

/** Feeds the text in pieces of `size` bytes, so every split point is exercised. */
function parse(text: string, size: number, keepBody = 1024): ParsedResponse | undefined {
  const parser = createResponseParser(keepBody);
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) {
    const result = parser.push(bytes.subarray(i, i + size));
    if (result) return result;
  }
  return parser.end();
}

const everySplit = (text: string, check: (r: ParsedResponse | undefined) => void, keepBody?: number) => {
  for (let size = 1; size <= Buffer.byteLength(text); size++) check(parse(text, size, keepBody));
};

describe('createResponseParser', () => {
  it('head lines ending in a bare LF (busybox httpd CGI), split anywhere, as curl reads them', () => {
    everySplit('HTTP/1.1 500 Internal\nContent-Type: text/plain\nX-Version: v3\n\nbroken\n', (r) =>
      expect(r).toEqual({
        status: 500,
        headers: { 'content-type': 'text/plain', 'x-version': 'v3' },
        body: 'broken\n',
        keepAlive: false,
      }),
    );
    everySplit('HTTP/1.1 200 OK\r\nContent-Type: text/plain\n\nok', (r) =>
      expect(r).toMatchObject({ status: 200, body: 'ok' }),
    );
  });

  it('a Content-Length body, split anywhere', () => {
    const text = 'HTTP/1.1 200 OK\r\nX-Version: v2\r\nContent-Length: 15\r\n\r\n{"version":"é"}';
    everySplit(text.replace('15', String(Buffer.byteLength('{"version":"é"}'))), (r) =>
      expect(r).toEqual({
        status: 200,
        headers: { 'x-version': 'v2', 'content-length': '16' },
        body: '{"version":"é"}',
        keepAlive: true,
      }),
    );
  });

  it('a chunked body with extensions and trailers, split anywhere', () => {
    const text =
      'HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nv1.2\r\nA\r\n.3-canary!\r\n0\r\nX-Trailer: t\r\n\r\n';
    everySplit(text, (r) => expect(r).toMatchObject({ status: 503, body: 'v1.2.3-canary!', keepAlive: true }));
  });

  it('a body delimited by the connection closing (HTTP/1.0 servers such as busybox httpd)', () => {
    everySplit('HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nv9\n', (r) =>
      expect(r).toMatchObject({ status: 200, body: 'v9\n', keepAlive: false }),
    );
  });

  it('no body for 204 and 304; a 100 Continue head is skipped', () => {
    expect(parse('HTTP/1.1 204 No Content\r\n\r\n', 3)).toMatchObject({ status: 204, body: '', keepAlive: true });
    expect(parse('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok', 5)).toMatchObject({
      status: 200,
      body: 'ok',
    });
  });

  it('keeps only as much body as asked, but still reads to the end', () => {
    const body = 'x'.repeat(5000);
    expect(parse(`HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n${body}`, 700, 10)).toMatchObject({
      body: 'xxxxxxxxxx',
      keepAlive: true,
    });
    expect(parse(`HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n${body}`, 700, 0)?.body).toBe('');
  });

  it('Connection: close, HTTP/1.0 without keep-alive, or extra bytes: the connection is not reused', () => {
    expect(parse('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n', 8)?.keepAlive).toBe(false);
    expect(parse('HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n', 8)?.keepAlive).toBe(false);
    expect(parse('HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n', 80)?.keepAlive).toBe(true);
    expect(parse('HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nab', 80)?.keepAlive).toBe(false);
  });

  it('a connection that closes mid-answer gives no response', () => {
    const parser = createResponseParser(100);
    expect(parser.push(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc'))).toBeUndefined();
    expect(parser.end()).toBeUndefined();
    expect(createResponseParser(100).end()).toBeUndefined();
  });

  it('refuses what is not HTTP, saying what it saw', () => {
    const bad = (text: string) => () => createResponseParser(10).push(Buffer.from(text));
    expect(bad('SSH-2.0-OpenSSH_9.2\r\n\r\n')).toThrow(MalformedResponse);
    expect(bad('SSH-2.0-OpenSSH_9.2\r\n\r\n')).toThrow(/not an HTTP\/1.x status line: "SSH-2.0-OpenSSH_9.2"/);
    expect(bad('HTTP/1.1 200 OK\r\nno colon here\r\n\r\n')).toThrow(/malformed header line: "no colon here"/);
    expect(bad('HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n')).toThrow(/bad content-length: "ten"/);
    expect(bad('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n')).toThrow(/bad chunk size: "zz"/);
    expect(bad('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXY')).toThrow(/chunk not followed by CRLF/);
    expect(bad(`HTTP/1.1 200 OK\r\nX: ${'y'.repeat(70_000)}`)).toThrow(/response head over/);
  });
});
