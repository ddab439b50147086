import { createHash } from 'node:crypto';

// One journal line: `{"seq":N,"at":"…","type":"…","data":{…},"prev":"<64 hex>","hash":"<64 hex>"}`.
// `hash` is the sha256 of the line's own bytes before `,"hash"`, so a verifier recomputes it from
// what is on disk and never from re-serialised JSON (which could differ in escapes or key order).

export const GENESIS_HASH = '0'.repeat(64);

export interface JournalEvent {
  seq: number;
  at: string;
  type: string;
  data: Record<string, unknown>;
  prev: string;
  hash: string;
}

export type EventFields = Omit<JournalEvent, 'hash'>;

export type JournalProblemKind =
  | 'unreadable'
  | 'torn'
  | 'empty-line'
  | 'not-json'
  | 'bad-shape'
  | 'hash-mismatch'
  | 'seq-mismatch'
  | 'prev-mismatch';

export interface JournalProblem {
  line: number;
  kind: JournalProblemKind;
  /** What is wrong, without the line number: "hash does not match its content". */
  reason: string;
  /** The reason prefixed with the line: "line 7: hash does not match its content". */
  message: string;
}

export type Decoded = { ok: true; event: JournalEvent } | { ok: false; problem: JournalProblem };

const hex64 = /^[0-9a-f]{64}$/;
const hashSuffix = /,"hash":"([0-9a-f]{64})"\}$/;
const fieldOrder = ['seq', 'at', 'type', 'data', 'prev'];

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function problem(line: number, kind: JournalProblemKind, reason: string): JournalProblem {
  return { line, kind, reason, message: `line ${line}: ${reason}` };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON text of `data`, redacted; throws a plain Error naming the event type when it cannot be. */
function dataText(type: string, data: Record<string, unknown>, redact?: (s: string) => string): string {
  if (!isPlainObject(data)) throw new Error(`event ${type}: data must be an object`);
  let text: string;
  try {
    text = JSON.stringify(data);
  } catch (error) {
    throw new Error(`event ${type}: data is not JSON-serialisable (${(error as Error).message})`);
  }
  if (!redact) return text;
  const redacted = redact(text);
  // A redactor that breaks the JSON would leave an unreadable journal; refuse before anything is written.
  let parsed: unknown;
  try {
    parsed = JSON.parse(redacted);
  } catch {
    throw new Error(`event ${type}: redaction turned data into invalid JSON`);
  }
  if (!isPlainObject(parsed)) throw new Error(`event ${type}: redaction turned data into a non-object`);
  return redacted;
}

/**
 * Builds one line (without its newline) and its hash. `redact` rewrites the JSON text of `data`
 * before hashing, so a secret never reaches the disk and the hash covers what is stored.
 */
export function encodeEvent(
  fields: EventFields,
  redact?: (s: string) => string,
): { line: string; hash: string; event: JournalEvent } {
  const { seq, at, type, data, prev } = fields;
  if (!Number.isSafeInteger(seq) || seq < 1) throw new Error(`event ${type}: seq must be a positive integer`);
  if (typeof type !== 'string' || type === '') throw new Error('event type must be a non-empty string');
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) throw new Error(`event ${type}: at is not a time`);
  if (!hex64.test(prev)) throw new Error(`event ${type}: prev must be 64 lowercase hex digits`);
  const text = dataText(type, data, redact);
  const prefix = `{"seq":${seq},"at":${JSON.stringify(at)},"type":${JSON.stringify(type)},"data":${text},"prev":"${prev}"`;
  const hash = sha256Hex(prefix);
  const stored = redact ? (JSON.parse(text) as Record<string, unknown>) : data;
  return { line: `${prefix},"hash":"${hash}"}`, hash, event: { seq, at, type, data: stored, prev, hash } };
}

function checkShape(value: unknown): string | undefined {
  if (!isPlainObject(value)) return 'not a JSON object';
  const keys = Object.keys(value);
  if (keys.length !== fieldOrder.length || keys.some((key, i) => key !== fieldOrder[i])) {
    return `fields must be seq, at, type, data, prev, hash in that order (found ${keys.join(', ')}, hash)`;
  }
  if (!Number.isSafeInteger(value.seq) || (value.seq as number) < 1) return 'seq is not a positive integer';
  if (typeof value.at !== 'string' || Number.isNaN(Date.parse(value.at))) return 'at is not an ISO time';
  if (typeof value.type !== 'string' || value.type === '') return 'type is not a non-empty string';
  if (!isPlainObject(value.data)) return 'data is not an object';
  if (typeof value.prev !== 'string' || !hex64.test(value.prev)) return 'prev is not 64 hex digits';
  return undefined;
}

/**
 * Decodes and checks one line (text without its newline): JSON, field order, and that the hash
 * matches the bytes. Line 1 must also start the chain (seq 1, genesis prev); a later line is checked
 * against `previous` (the line before's seq and hash) when given: seq is previous + 1, prev matches.
 */
export function decodeLine(text: string, lineNo: number, previous?: { seq: number; hash: string }): Decoded {
  const fail = (kind: JournalProblemKind, reason: string): Decoded => ({
    ok: false,
    problem: problem(lineNo, kind, reason),
  });
  if (text === '') return fail('empty-line', 'empty line');
  const suffix = hashSuffix.exec(text);
  if (!suffix) {
    try {
      JSON.parse(text);
    } catch {
      return fail('not-json', 'not JSON');
    }
    return fail('bad-shape', 'does not end with a "hash" field of 64 hex digits');
  }
  const prefix = text.slice(0, suffix.index);
  let value: unknown;
  try {
    value = JSON.parse(`${prefix}}`);
  } catch {
    return fail('not-json', 'not JSON');
  }
  const shapeProblem = checkShape(value);
  if (shapeProblem) return fail('bad-shape', shapeProblem);
  const fields = value as EventFields;
  const hash = suffix[1]!;
  if (sha256Hex(prefix) !== hash) return fail('hash-mismatch', 'hash does not match its content');
  const event: JournalEvent = { ...fields, hash };
  if (lineNo > 1 && !previous) return { ok: true, event };
  const expectedSeq = (previous?.seq ?? 0) + 1;
  if (fields.seq !== expectedSeq) return fail('seq-mismatch', `seq ${fields.seq}, expected ${expectedSeq}`);
  const expectedPrev = previous?.hash ?? GENESIS_HASH;
  if (fields.prev !== expectedPrev) {
    const reason =
      lineNo === 1 ? 'prev is not the genesis hash (64 zeros)' : `prev does not match line ${lineNo - 1}'s hash`;
    return fail('prev-mismatch', reason);
  }
  return { ok: true, event };
}
