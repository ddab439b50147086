// The rules an answer must keep, as pure functions: the engine refuses an answer that breaks one
// and asks again (the run goes on), and an answers file that breaks one is refused before anything
// runs. One definition, so the run, the terminal, the app and the answers-file check agree.

/** " ada " and "Ada" are one person: names are compared as people write them, not byte for byte. */
export function samePerson(a: string, b: string): boolean {
  const norm = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(a) === norm(b);
}

/** Why an approval may not count (the four-eyes rule of a protected environment), or undefined. */
export function approvalRefusal(rule: {
  environment: string;
  protected: boolean;
  operator: string;
  by: string;
  roleTitle: string;
}): string | undefined {
  if (!rule.by.trim()) return `${rule.roleTitle}'s approval needs the approver's name`;
  if (rule.protected && samePerson(rule.by, rule.operator))
    return `${rule.environment} is protected: ${rule.roleTitle}'s approval must come from someone other than the operator (${rule.by.trim()})`;
  return undefined;
}

/** Why a typed confirmation does not confirm the environment, or undefined. */
export function confirmationRefusal(environment: string, text: string): string | undefined {
  if (text.trim() === environment) return undefined;
  return `confirmation "${text}" does not match the environment name "${environment}"`;
}
