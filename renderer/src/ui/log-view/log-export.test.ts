import { describe, expect, it } from 'vitest';
import { formatLines, logFileName } from './log-export';
import { lastCarriageSegment } from './log-line';

const line = (source: string, plain: string) => ({ seq: 0, source, stream: 'stdout', text: plain, plain });

describe('formatLines', () => {
  it('writes plain text, one line each, with the source only when several are shown', () => {
    const lines = [line('deploy.pull@web-1', 'pulling'), line('deploy.pull@web-2', 'done')];
    expect(formatLines(lines, true)).toBe('[deploy.pull@web-1] pulling\n[deploy.pull@web-2] done\n');
    expect(formatLines(lines, false)).toBe('pulling\ndone\n');
    expect(formatLines([], true)).toBe('');
  });
});

describe('logFileName', () => {
  it('makes a name every filesystem accepts, ending in .log once', () => {
    expect(logFileName('2025-11-26 run/3: prod')).toBe('2025-11-26-run-3-prod.log');
    expect(logFileName('output.log')).toBe('output.log');
    expect(logFileName('///')).toBe('output.log');
  });
});

describe('lastCarriageSegment', () => {
  it('keeps what a terminal would show after carriage returns', () => {
    expect(lastCarriageSegment('plain')).toBe('plain');
    expect(lastCarriageSegment('line\r')).toBe('line');
    expect(lastCarriageSegment(' 10%\r 50%\r100% done')).toBe('100% done');
    expect(lastCarriageSegment('a\rb\r\r')).toBe('b');
    expect(lastCarriageSegment('a\rb\r\n')).toBe('b');
  });
});
