import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { findStaticBusybox, isStaticElf } from './demo-base-image';

// Only a static busybox can run FROM scratch: Debian's busybox-static is; node (dynamic) is not.

describe('isStaticElf', () => {
  const tempDir = useTempDirs('rp-demo-elf-');

  it('tells a static binary from a dynamic one, and is false for what is no ELF file or no file', async () => {
    expect(await isStaticElf('/bin/busybox')).toBe(true);
    expect(await isStaticElf(process.execPath)).toBe(false);
    const text = join(tempDir(), 'script.sh');
    writeFileSync(text, '#!/bin/sh\necho hi\n');
    expect(await isStaticElf(text)).toBe(false);
    expect(await isStaticElf(join(tempDir(), 'missing'))).toBe(false);
    expect(await findStaticBusybox()).toBe('/bin/busybox');
  });
});
