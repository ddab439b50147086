// An incremental HTTP/1.1 response parser for probes: status, headers, and as much body as the
// version source needs. node:http does the same with streams and objects per request, which at
// 100 probes/s cost more than the 5 % of a core probes may use; this keeps a probe to a few
// string operations. Handles Content-Length, chunked and close-delimited bodies, and 1xx heads.
// Head lines may end in a bare LF, as curl and browsers accept: busybox httpd sends a CGI's own
// header lines as the script printed them (`Content-Type: text/plain\n\n`).

export interface ParsedResponse {
  status: number;
  /** Lower-case names; a repeated header keeps its first value. */
  headers: Record<string, string>;
  /** The body (up to the keep limit), latin1-decoded bytes re-read as UTF-8. */
  body: string;
  /** The connection may carry the next request. */
  keepAlive: boolean;
}

export class MalformedResponse extends Error {
  override readonly name = 'MalformedResponse';
}

const MAX_HEAD = 64 * 1024;
const CRLF = '\r\n';

type BodyMode = { kind: 'none' } | { kind: 'length'; left: number } | { kind: 'chunked' } | { kind: 'close' };

export interface ResponseParser {
  /** Feeds bytes; returns the response once complete (later bytes are ignored). */
  push(chunk: Buffer): ParsedResponse | undefined;
  /** The connection ended: the response if the body was close-delimited, else undefined. */
  end(): ParsedResponse | undefined;
}

/** `bodyless`: the answer to a HEAD request, whose Content-Length describes a body never sent. */
export function createResponseParser(keepBody: number, bodyless = false): ResponseParser {
  // latin1 maps bytes 1:1 to chars, so lengths below are byte counts.
  let text = '';
  let head: { status: number; headers: Record<string, string>; keepAlive: boolean } | undefined;
  let mode: BodyMode = { kind: 'none' };
  let body = '';
  let done: ParsedResponse | undefined;
  // Chunked state: bytes left in the current chunk's data (then its CRLF), or -1 between chunks.
  let chunkLeft = -1;
  let trailers = false;

  const keep = (part: string): void => {
    if (body.length < keepBody) body += part.slice(0, keepBody - body.length);
  };
  const finish = (keepAlive: boolean): ParsedResponse => {
    done = {
      status: head!.status,
      headers: head!.headers,
      body: Buffer.from(body, 'latin1').toString('utf8'),
      keepAlive,
    };
    return done;
  };

  const parseHead = (): boolean => {
    // The head ends at the first empty line, whether lines end in CRLF or a bare LF.
    const blank = /\r?\n\r?\n/.exec(text);
    if (!blank) {
      if (text.length > MAX_HEAD) throw new MalformedResponse(`response head over ${MAX_HEAD} bytes`);
      return false;
    }
    const lines = text.slice(0, blank.index).split(/\r?\n/);
    text = text.slice(blank.index + blank[0].length);
    const statusLine = /^HTTP\/1\.([01]) (\d{3})(?: |$)/.exec(lines[0] ?? '');
    if (!statusLine)
      throw new MalformedResponse(`not an HTTP/1.x status line: ${JSON.stringify(lines[0]?.slice(0, 60))}`);
    const status = Number(statusLine[2]);
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon <= 0) throw new MalformedResponse(`malformed header line: ${JSON.stringify(line.slice(0, 60))}`);
      const name = line.slice(0, colon).trim().toLowerCase();
      headers[name] ??= line.slice(colon + 1).trim();
    }
    // 1xx heads (100 Continue, 103 Early Hints) precede the real one.
    if (status < 200) return parseHead();
    const connection = (headers.connection ?? '').toLowerCase();
    const keepAlive = statusLine[1] === '1' ? !connection.includes('close') : connection.includes('keep-alive');
    head = { status, headers, keepAlive };
    const length = headers['content-length'];
    if (status === 204 || status === 304 || bodyless) mode = { kind: 'none' };
    else if ((headers['transfer-encoding'] ?? '').toLowerCase().includes('chunked')) mode = { kind: 'chunked' };
    else if (length !== undefined) {
      if (!/^\d+$/.test(length)) throw new MalformedResponse(`bad content-length: ${JSON.stringify(length)}`);
      mode = { kind: 'length', left: Number(length) };
    } else mode = { kind: 'close' };
    return true;
  };

  const parseChunked = (): ParsedResponse | undefined => {
    for (;;) {
      if (trailers) {
        const end = text.indexOf(CRLF);
        if (end < 0) return undefined;
        const line = text.slice(0, end);
        text = text.slice(end + 2);
        if (line === '') return finish(head!.keepAlive);
        continue;
      }
      if (chunkLeft < 0) {
        const end = text.indexOf(CRLF);
        if (end < 0) {
          if (text.length > 1024) throw new MalformedResponse('chunk size line too long');
          return undefined;
        }
        const size = /^([0-9a-fA-F]+)\s*(?:;.*)?$/.exec(text.slice(0, end));
        if (!size) throw new MalformedResponse(`bad chunk size: ${JSON.stringify(text.slice(0, Math.min(end, 20)))}`);
        text = text.slice(end + 2);
        chunkLeft = Number.parseInt(size[1]!, 16);
        if (chunkLeft === 0) {
          trailers = true;
          chunkLeft = -1;
        }
        continue;
      }
      if (text.length < chunkLeft + 2) {
        // Take what data there is; keep the rest of the chunk pending.
        const take = Math.min(text.length, chunkLeft);
        keep(text.slice(0, take));
        text = text.slice(take);
        chunkLeft -= take;
        return undefined;
      }
      keep(text.slice(0, chunkLeft));
      if (text.slice(chunkLeft, chunkLeft + 2) !== CRLF) throw new MalformedResponse('chunk not followed by CRLF');
      text = text.slice(chunkLeft + 2);
      chunkLeft = -1;
    }
  };

  const advance = (): ParsedResponse | undefined => {
    if (!head && !parseHead()) return undefined;
    switch (mode.kind) {
      case 'none':
        return finish(head!.keepAlive && text.length === 0);
      case 'length': {
        const take = Math.min(text.length, mode.left);
        keep(text.slice(0, take));
        mode.left -= take;
        text = text.slice(take);
        // Bytes beyond the body mean a confused server: do not reuse that connection.
        return mode.left === 0 ? finish(head!.keepAlive && text.length === 0) : undefined;
      }
      case 'chunked':
        return parseChunked();
      case 'close':
        keep(text);
        text = '';
        return undefined;
    }
  };

  return {
    push(chunk) {
      if (done) return done;
      text += chunk.toString('latin1');
      return advance();
    },
    end() {
      if (done) return done;
      return head && mode.kind === 'close' ? finish(false) : undefined;
    },
  };
}
