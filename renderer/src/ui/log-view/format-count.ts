// Counts change every frame during a burst; one formatter is made once rather than one per call
// (`toLocaleString` builds a new Intl.NumberFormat each time).
const numberFormat = new Intl.NumberFormat();

/** `12,345` in the person's locale. */
export function formatCount(n: number): string {
  return numberFormat.format(n);
}
