import { describe, expect, it } from 'vitest';
import { createProjectResourceStore } from './project-resource-store';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createProjectResourceStore', () => {
  it('loads a project and keeps each project separately', async () => {
    const store = createProjectResourceStore(async (id) => [`${id}-a`, `${id}-b`]);
    await store.getState().load('p1');
    await store.getState().load('p2');
    expect(store.getState().byProject.p1).toEqual({ phase: 'ready', items: ['p1-a', 'p1-b'] });
    expect(store.getState().byProject.p2?.items).toEqual(['p2-a', 'p2-b']);
  });

  it('reports a failure with the message a person should read', async () => {
    const store = createProjectResourceStore<string>(async () => {
      throw new Error('no open project with id p1');
    });
    await store.getState().load('p1');
    expect(store.getState().byProject.p1).toMatchObject({ phase: 'failed', error: 'No open project with id p1' });
  });

  it('lets only the newest request for a project write its answer', async () => {
    const answers = [deferred<string[]>(), deferred<string[]>()];
    let call = 0;
    const store = createProjectResourceStore((_id) => answers[call++]!.promise);
    const first = store.getState().load('p1');
    const second = store.getState().load('p1');
    answers[1]!.resolve(['new']);
    await second;
    answers[0]!.resolve(['old']);
    await first;
    expect(store.getState().byProject.p1?.items).toEqual(['new']);
  });
});

describe('reloading', () => {
  it('keeps the previous items visible while a refresh is in flight', async () => {
    const answers = [deferred<string[]>(), deferred<string[]>()];
    let call = 0;
    const store = createProjectResourceStore((_id) => answers[call++]!.promise);
    const first = store.getState().load('p1');
    answers[0]!.resolve(['a']);
    await first;
    const second = store.getState().load('p1');
    expect(store.getState().byProject.p1).toEqual({ phase: 'loading', items: ['a'] });
    answers[1]!.resolve(['a', 'b']);
    await second;
    expect(store.getState().byProject.p1?.items).toEqual(['a', 'b']);
  });
});
