import { describe, expect, it } from 'vitest';
import { imageTag } from './image-version';

describe('imageTag', () => {
  it('reads the tag of a reference, past a registry port and before a digest', () => {
    expect(imageTag('app:v2')).toBe('v2');
    expect(imageTag('registry.local:5000/team/app:v1.2.0')).toBe('v1.2.0');
    expect(imageTag(`app:v2@sha256:${'a'.repeat(64)}`)).toBe('v2');
  });

  it('an untagged or digest-only reference names no version', () => {
    expect(imageTag('app')).toBeUndefined();
    expect(imageTag('registry.local:5000/team/app')).toBeUndefined();
    expect(imageTag(`app@sha256:${'a'.repeat(64)}`)).toBeUndefined();
    expect(imageTag('app:')).toBeUndefined();
  });
});
