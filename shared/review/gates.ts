// The workflow's four quality gates (seed: "Quality Gates"), as every screen and export names them.

export const gateNames: Readonly<Record<number, string>> = {
  1: 'Readiness',
  2: 'Staging',
  3: 'Production',
  4: 'Monitoring',
};

/** `Gate 1: Readiness`; a gate outside 1–4 keeps its number alone. */
export function gateLabel(gate: number): string {
  const name = gateNames[gate];
  return name ? `Gate ${gate}: ${name}` : `Gate ${gate}`;
}
