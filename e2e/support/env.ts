/** What the global setup started, read by the specs. */
export function e2eHost() {
  const url = process.env.RP_E2E_URL;
  if (!url) throw new Error('RP_E2E_URL is not set: run the specs through `npm run test:e2e`');
  return {
    url,
    origin: process.env.RP_E2E_ORIGIN ?? '',
    token: process.env.RP_E2E_TOKEN ?? '',
    project: process.env.RP_E2E_PROJECT ?? '',
  };
}
