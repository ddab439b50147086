import { type Readable, Writable } from 'node:stream';
import type Dockerode from 'dockerode';
import { lineSplitter } from '../lib/line-splitter';

export type OutputStream = 'stdout' | 'stderr';
export type OnLine = (stream: OutputStream, line: string) => void;

/**
 * Turns a container's attach/logs/exec stream into lines per stream. Non-TTY streams carry Docker's
 * 8-byte frame headers, which the modem's demuxer strips; TTY streams are raw stdout.
 * Returns a flush for the last unterminated lines, to call when the stream ends.
 */
export function streamLines(docker: Dockerode, stream: Readable, tty: boolean, onLine: OnLine): () => void {
  const stdout = lineSplitter((line) => onLine('stdout', line));
  const stderr = lineSplitter((line) => onLine('stderr', line));
  if (tty) {
    stream.on('data', (chunk: Buffer) => stdout(chunk));
  } else {
    docker.modem.demuxStream(stream, sink(stdout), sink(stderr));
  }
  return () => {
    stdout.flush();
    stderr.flush();
  };
}

function sink(push: (chunk: Buffer) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      push(chunk);
      callback();
    },
  });
}
