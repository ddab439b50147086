import type { Action } from '../formats/action-schema';

// A short title for an action that has none, as written in the runbook (variables unresolved), so
// the stepper, the journal and the report name actions the same way before and after they run.

function words(items: readonly string[], max = 6): string {
  const shown = items.slice(0, max).join(' ');
  return items.length > max ? `${shown} …` : shown;
}

export function describeAction(action: Action): string {
  if (action.title) return action.title;
  switch (action.type) {
    case 'shell':
      return `Run ${words(action.argv)}`;
    case 'manual':
      return action.instructions.split('\n')[0]!.slice(0, 80);
    case 'git.fetch':
      return `Fetch from ${action.remote}`;
    case 'git.resolve':
      return `Resolve ${action.ref} to a commit`;
    case 'git.checkout':
      return `Check out ${action.ref}`;
    case 'git.verify-clean':
      return 'Verify the working tree is clean';
    case 'git.tag':
      return `Tag ${action.name}${action.push ? ` and push to ${action.remote}` : ''}`;
    case 'git.log':
      return `List commits ${action.from}..${action.to}`;
    case 'docker.build':
      return `Build image ${action.tags.join(', ')}`;
    case 'docker.tag':
      return `Tag image ${action.source} as ${action.target}`;
    case 'docker.run':
      return `Run container ${action.name ?? '${env.app.container}'}`;
    case 'docker.wait-healthy':
      return `Wait until ${action.container ?? 'the app container'} is healthy`;
    case 'docker.stop':
      return `Stop ${action.container ?? 'the app container'}`;
    case 'docker.remove':
      return `Remove ${action.container ?? 'the app container'}`;
    case 'docker.logs':
      return `Show the last ${action.tail} log lines of ${action.container ?? 'the app container'}`;
    case 'docker.exec':
      return `In ${action.container ?? 'the app container'}: ${words(action.argv)}`;
    case 'docker.list':
      return 'List containers';
    case 'docker.compose':
      return `docker compose ${words(action.args)}`;
    case 'ssh.exec':
      return `On ${action.hosts === 'all' ? 'all hosts' : action.hosts.join(', ')}: ${words(action.argv)}`;
    case 'ssh.upload':
      return `Upload ${action.from} to ${action.to}`;
    case 'http.check':
      return `Check ${action.method} ${action.url}`;
    case 'deploy':
      return action.strategy ? `Deploy ${'${version}'} (${action.strategy})` : `Deploy ${'${version}'}`;
    case 'watch':
      return 'Watch the deployment';
  }
}
