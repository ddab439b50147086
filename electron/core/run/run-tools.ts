import type { AutomaticCheck } from '../../../shared/formats/checklist-schema';
import type { ActionPlan } from '../../../shared/plans/action-plan';

// What the executor needs from the tools (git, Docker, SSH, HTTP, local commands). The real
// implementation is tool-runners.ts; the executor never imports a tool library itself.

export type OutputStream = 'stdout' | 'stderr' | 'info';

export interface ToolIO {
  signal: AbortSignal;
  /** One line of output; `host` is a host name, or undefined for this machine. */
  output(host: string | undefined, stream: OutputStream, line: string): void;
  /** A command's process group started (on `host`, or here): journaled, so a crash can clean up. */
  started?(host: string | undefined, pid: number): void;
}

export interface CheckResult {
  ok: boolean;
  message: string;
}

export interface RunTools {
  runPlan(plan: ActionPlan, io: ToolIO): Promise<unknown>;
  runCheck(check: AutomaticCheck, io: ToolIO): Promise<CheckResult>;
  /** Stops a process group a crashed run left behind; false when it had already ended. */
  stopProcess(host: string | undefined, pid: number): Promise<boolean>;
  close(): Promise<void>;
}
