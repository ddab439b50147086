// What a person sees when the browser host turns their page request away: a short page that
// says why and what to do, because a bare "401" in a browser tab explains nothing. Scripts and
// clients that do not ask for HTML get the same words as plain text.

const titles: Record<401 | 403, string> = { 401: 'Unauthorized', 403: 'Forbidden' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function refusalBody(status: 401 | 403, reason: string, acceptsHtml: boolean): { type: string; body: string } {
  const line = `${titles[status]}: ${reason}`;
  if (!acceptsHtml) return { type: 'text/plain; charset=utf-8', body: `${line}\n` };
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Release Pilot — ${titles[status]}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}
@media (prefers-color-scheme:dark){body{background:#111;color:#ddd}}code{font-family:ui-monospace,monospace}</style>
</head><body><h1>Release Pilot</h1><p><strong>${escapeHtml(line)}</strong></p>
<p>The browser host admits only the exact address it printed when it started, on the line beginning
with <code>open:</code>. It prints a new one each time it starts, so an old address stops working.</p>
<p>Not running? Start it with <code>npm run web</code> or <code>npx release-pilot web</code>.</p></body></html>
`;
  return { type: 'text/html; charset=utf-8', body };
}
