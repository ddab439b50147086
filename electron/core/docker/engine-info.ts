import { type DockerClient, dockerCall } from './docker-client';

export interface EngineVersion {
  version: string;
  apiVersion: string;
  os: string;
  arch: string;
}

/** What "test connection" shows: proves the engine answers, and which engine it is. */
export async function engineVersion(client: DockerClient): Promise<EngineVersion> {
  const v = await dockerCall(client, 'read the engine version', () => client.docker.version(), {
    fallback: 'engine-unreachable',
  });
  return { version: v.Version, apiVersion: v.ApiVersion, os: v.Os, arch: v.Arch };
}
