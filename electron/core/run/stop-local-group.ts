// A local command's process group left running by a crashed run (commands run in groups of their
// own, see shell/run-local.ts): TERM, a moment's grace, then KILL.

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function stopLocalGroup(pid: number, graceMs = 3000): Promise<boolean> {
  if (!Number.isInteger(pid) || pid <= 1 || !groupAlive(pid)) return false;
  process.kill(-pid, 'SIGTERM');
  for (let waited = 0; waited < graceMs && groupAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  return true;
}
