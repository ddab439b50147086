// The version a container runs is the tag of the image it was started from, not the version of
// the run that started it: a rollback action of run v3 that runs `app:v2` starts v2. Pure, so the
// plan, the dry run and the tests read an image reference the same way.

/**
 * The tag of an image reference: `registry:5000/team/app:v2` → `v2`, `app:v2@sha256:…` → `v2`.
 * Undefined for a reference with no tag (`app`, which Docker runs as `latest`, or `app@sha256:…`
 * pinned by digest alone): such a reference does not name a version.
 */
export function imageTag(reference: string): string | undefined {
  // A digest comes last and may itself contain a colon ("sha256:…"): drop it first.
  const at = reference.indexOf('@');
  const named = at >= 0 ? reference.slice(0, at) : reference;
  // A colon before the last slash is a registry's port ("localhost:5000/app"), not a tag.
  const lastSlash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  if (colon <= lastSlash) return undefined;
  const tag = named.slice(colon + 1);
  return tag === '' ? undefined : tag;
}
