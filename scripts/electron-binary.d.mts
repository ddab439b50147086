// Types for electron-binary.mjs (plain JavaScript so `npm start` runs without a build step).

export declare const defaultInstallTimeoutMs: number;

export interface InstallResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  output: string;
  stdout?: string;
  stderr?: string;
  spawnError?: string;
}

export declare function locateElectronBinary(electronDir: string, env?: NodeJS.ProcessEnv): string | undefined;

export declare function runElectronInstaller(
  electronDir: string,
  options?: { timeoutMs?: number; env?: NodeJS.ProcessEnv },
): Promise<InstallResult>;

export declare function installFailureCause(
  result: InstallResult,
  options?: { env?: NodeJS.ProcessEnv; timeoutMs?: number },
): string;

export declare function unavailableLine(cause: string, logFile?: string): string;

export declare function writeInstallLog(logFile: string, result: InstallResult): string | undefined;

export declare function obtainElectron(options: {
  root: string;
  electronDir: string;
  logFile: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<{ binary: string; downloaded: boolean; line?: undefined } | { line: string; binary?: undefined }>;
