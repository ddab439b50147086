import { describe, expect, it } from 'vitest';
import { fillIn, screenOf } from './capture';

describe('fillIn', () => {
  it('puts the scene’s values into a route, encoded in a path', () => {
    expect(fillIn('#/runs/{live}', { live: 'a b' }, true)).toBe('#/runs/a%20b');
    expect(fillIn('text={succeeded}', { succeeded: 'run 1' })).toBe('text=run 1');
  });

  it('names the route and the key when the scene has no such value', () => {
    expect(() => fillIn('#/runs/{nope}', {})).toThrow('screenshot route #/runs/{nope}: no value for {nope}');
  });
});

describe('screenOf', () => {
  it('reads the screen of a hash path as the router does', () => {
    expect(screenOf('#/runs/abc')).toBe('runs');
    expect(screenOf('#/Plans')).toBe('plans');
    expect(screenOf('#/')).toBe('dashboard');
  });
});
