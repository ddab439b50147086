import { describe, expect, it } from 'vitest';
import { decodeLine, encodeEvent, GENESIS_HASH, sha256Hex } from './journal-line';

const at = '2026-11-02T09:00:00.000Z';
const first = () => encodeEvent({ seq: 1, at, type: 'run.started', data: { version: 'v1' }, prev: GENESIS_HASH });

describe('journal line format', () => {
  it('writes the exact key order and hashes the bytes before "hash"', () => {
    const { line, hash } = first();
    const prefix = `{"seq":1,"at":"${at}","type":"run.started","data":{"version":"v1"},"prev":"${GENESIS_HASH}"`;
    expect(line).toBe(`${prefix},"hash":"${hash}"}`);
    expect(hash).toBe(sha256Hex(prefix));
    expect(line).not.toContain('\n');
  });

  it('decodes what it encodes, and chains the next line', () => {
    const one = first();
    const two = encodeEvent({ seq: 2, at, type: 'step.started', data: { step: 'prep' }, prev: one.hash });
    const decoded1 = decodeLine(one.line, 1);
    expect(decoded1).toEqual({ ok: true, event: one.event });
    expect(decodeLine(two.line, 2, { seq: 1, hash: one.hash })).toEqual({ ok: true, event: two.event });
  });

  it('keeps data that JSON escapes (quotes, newlines, unicode) intact through the hash', () => {
    const data = { text: 'line "1"\nline 2 — ✓ \u2028', nested: { list: [1, 2.5, null, true] } };
    const { line, event } = encodeEvent({ seq: 1, at, type: 't', data, prev: GENESIS_HASH });
    const decoded = decodeLine(line, 1);
    expect(decoded.ok && decoded.event.data).toEqual(data);
    expect(decoded.ok && decoded.event.hash).toBe(event.hash);
  });

  it('redacts the data text before hashing, so the stored line verifies', () => {
    const redact = (s: string) => s.replaceAll('hunter2', '[redacted]');
    const { line, event } = encodeEvent(
      { seq: 1, at, type: 'login', data: { pw: 'hunter2' }, prev: GENESIS_HASH },
      redact,
    );
    expect(line).not.toContain('hunter2');
    expect(event.data).toEqual({ pw: '[redacted]' });
    expect(decodeLine(line, 1).ok).toBe(true);
  });

  it('refuses data it cannot store, naming the event type', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const base = { seq: 1, at, prev: GENESIS_HASH };
    expect(() => encodeEvent({ ...base, type: 'loop', data: circular })).toThrow(/event loop: data is not JSON/);
    expect(() => encodeEvent({ ...base, type: 'arr', data: [] as never })).toThrow(/event arr: data must be an object/);
    expect(() => encodeEvent({ ...base, type: '', data: {} })).toThrow(/type must be a non-empty string/);
    expect(() => encodeEvent({ ...base, type: 'r', data: { a: 1 } }, () => '{"a":')).toThrow(/invalid JSON/);
  });

  it('names each kind of broken line', () => {
    const one = first();
    const prev = { seq: 1, hash: one.hash };
    const two = encodeEvent({ seq: 2, at, type: 'x', data: { n: 2 }, prev: one.hash });
    const three = encodeEvent({ seq: 3, at, type: 'x', data: { n: 3 }, prev: two.hash });
    const reason = (text: string, lineNo = 2, previous: typeof prev | undefined = prev) => {
      const decoded = decodeLine(text, lineNo, previous);
      return decoded.ok ? 'ok' : decoded.problem.message;
    };
    expect(reason('{"seq": 2, "at": "2026-')).toBe('line 2: not JSON');
    expect(reason('')).toBe('line 2: empty line');
    expect(reason('{"seq":2}')).toMatch(/^line 2: does not end with a "hash" field/);
    expect(reason(two.line.replace('"n":2', '"n":9'))).toBe('line 2: hash does not match its content');
    expect(reason(three.line)).toBe('line 2: seq 3, expected 2');
    const forged = encodeEvent({ seq: 2, at, type: 'x', data: { n: 2 }, prev: GENESIS_HASH });
    expect(reason(forged.line)).toBe("line 2: prev does not match line 1's hash");
    const asFirst = decodeLine(two.line, 1);
    expect(asFirst.ok ? 'ok' : asFirst.problem.message).toBe('line 1: seq 2, expected 1');
    const swapped = two.line.replace('{"seq":2,"at"', '{"at"');
    expect(reason(swapped)).toMatch(/^line 2: (fields must be|hash does not)/);
  });

  it('rejects a reordered or extra field even when the hash was recomputed to match', () => {
    const prefix = `{"at":"${at}","seq":1,"type":"t","data":{},"prev":"${GENESIS_HASH}"`;
    const text = `${prefix},"hash":"${sha256Hex(prefix)}"}`;
    const decoded = decodeLine(text, 1);
    expect(decoded.ok ? 'ok' : decoded.problem.reason).toMatch(/^fields must be seq, at, type, data, prev, hash/);
  });
});
