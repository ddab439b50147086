import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../core/test-support/temp-dir';
import { createRendererFileHandler } from './renderer-files';

const csp = "default-src 'none'; script-src 'self'";

function builtRenderer(newTemp: () => string) {
  const parent = newTemp();
  const root = join(parent, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Release Pilot</title>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(parent, 'secret.txt'), 'outside the renderer folder');
  return { root, serve: createRendererFileHandler(root, csp) };
}

const get = (url: string, method = 'GET') => new Request(url, { method });

describe('app:// file handler', () => {
  const newTemp = useTempDirs('rp-renderer-');
  it('serves the built files with their type and the CSP header', async () => {
    const { serve } = builtRenderer(newTemp);
    const page = await serve(get('app://release-pilot/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(csp);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('Release Pilot');

    const script = await serve(get('app://release-pilot/assets/index-abc123.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers screen paths with index.html, so a reload on any screen works', async () => {
    const { serve } = builtRenderer(newTemp);
    const page = await serve(get('app://release-pilot/runs/123'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Release Pilot</title>');
  });

  it('gives 404 for missing assets rather than index.html', async () => {
    const { serve } = builtRenderer(newTemp);
    const missing = await serve(get('app://release-pilot/assets/nope.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(csp);
  });

  it('never reads outside the renderer folder, however the path is spelled', async () => {
    const { serve } = builtRenderer(newTemp);
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
    ]) {
      const response = await serve(get(`app://release-pilot${path}`));
      expect(response.status, path).not.toBe(200);
      expect(await response.text(), path).not.toContain('outside the renderer folder');
    }
  });

  it('serves only our host, and only GET and HEAD', async () => {
    const { serve } = builtRenderer(newTemp);
    expect((await serve(get('app://someone-else/index.html'))).status).toBe(404);
    expect((await serve(get('app://release-pilot/index.html', 'POST'))).status).toBe(405);
    const head = await serve(get('app://release-pilot/index.html', 'HEAD'));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('says the UI is not built when index.html is missing', async () => {
    const serve = createRendererFileHandler(newTemp(), csp);
    const response = await serve(get('app://release-pilot/'));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('npm run build');
  });
});
