import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The layering rules of DESIGN §1 live in biome.json, so `npm run lint` (part of `npm test`)
// fails on a violation. This test runs the project's real Biome with the project's real
// biome.json over probe files in a scratch copy of the layout, so it never touches the tree.
const repo = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'rp-layering-'));
copyFileSync(join(repo, 'biome.json'), join(scratch, 'biome.json'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function lint(file: string, source: string): { failed: boolean; output: string } {
  const path = join(scratch, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, source);
  const result = spawnSync(
    join(repo, 'node_modules', '.bin', 'biome'),
    ['lint', '--vcs-enabled=false', '--colors=off', file],
    {
      cwd: scratch,
      encoding: 'utf8',
    },
  );
  return { failed: result.status !== 0, output: result.stdout + result.stderr };
}

describe('layering rules (biome.json)', () => {
  it.each([
    ['shared/a.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", 'Node.js builtin'],
    ['shared/b.ts', "import path from 'path';\nexport const b = path;\n", 'Node.js builtin'],
    ['shared/c.ts', "import { app } from 'electron';\nexport const c = app;\n", 'shared/ is pure'],
    ['shared/d.ts', "import { useState } from 'react';\nexport const d = useState;\n", 'shared/ is pure'],
    [
      'shared/e.ts',
      "import { x } from '../electron/core/engine';\nexport const e = x;\n",
      'shared/ imports neither side',
    ],
    [
      'electron/core/f.ts',
      "import { app } from 'electron';\nexport const f = app;\n",
      'only electron/main and electron/preload',
    ],
    [
      'electron/web/g.ts',
      "import Store from 'electron-store';\nexport const g = Store;\n",
      'only electron/main imports electron-store',
    ],
    [
      'electron/cli/h.ts',
      "import { app } from 'electron';\nexport const h = app;\n",
      'only electron/main and electron/preload',
    ],
    [
      'renderer/src/i.ts',
      "import { readFile } from 'node:fs/promises';\nexport const i = readFile;\n",
      'Node.js builtin',
    ],
    ['renderer/src/j.ts', "import { ipcRenderer } from 'electron';\nexport const j = ipcRenderer;\n", 'typed API'],
    ['renderer/src/k.ts', "import Docker from 'dockerode';\nexport const k = Docker;\n", 'tools run in the engine'],
    [
      'renderer/src/l.ts',
      "import { x } from '../../electron/core/engine';\nexport const l = x;\n",
      'never to electron/ code',
    ],
  ])('refuses %s', (file, source, reason) => {
    const { failed, output } = lint(file, source);
    expect(failed).toBe(true);
    expect(output).toContain(reason);
  });

  it.each([
    ['electron/main/m.ts', "import { app } from 'electron';\nexport const m = app;\n"],
    ['electron/preload/n.ts', "import { contextBridge } from 'electron';\nexport const n = contextBridge;\n"],
    ['electron/core/o.ts', "import { readFileSync } from 'node:fs';\nexport const o = readFileSync;\n"],
    ['shared/p.ts', "import { z } from 'zod';\nexport const p = z;\n"],
    ['renderer/src/q.ts', "import { create } from 'zustand';\nexport const q = create;\n"],
  ])('allows %s', (file, source) => {
    const { failed, output } = lint(file, source);
    expect(output).not.toContain('noRestrictedImports');
    expect(output).not.toContain('noNodejsModules');
    expect(failed).toBe(false);
  });
});
