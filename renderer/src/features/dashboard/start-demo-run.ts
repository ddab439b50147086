import { navigate } from '../../app/navigation';
import { writeDraft } from '../../lib/drafts';
import { sessionStore } from '../../lib/web-storage';
import { emptyStartDraft, type StartDraft } from '../runs/start/start-draft';

// After the demo opens, the newcomer's next move is its first deployment: v1.1.0 on staging. The
// start dialog keeps its fields as the 'run-start' session draft, so writing that draft first
// opens the dialog with the demo, staging and v1.1.0 chosen and the plan already previewing.

const firstVersion = 'v1.1.0';

export function demoStartDraft(projectId: string, versions: readonly string[]): StartDraft {
  const version = versions.includes(firstVersion) ? firstVersion : (versions[versions.length - 1] ?? '');
  return { ...emptyStartDraft, projectId, environment: 'staging', version };
}

export function startDemoRun(projectId: string, versions: readonly string[]): void {
  writeDraft(sessionStore, 'run-start', demoStartDraft(projectId, versions));
  navigate('runs', 'new');
}
