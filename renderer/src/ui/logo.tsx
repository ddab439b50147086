/** The product mark: a paper plane on a rounded square, in the accent colour. */
export function Logo({ size = 22 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect width="24" height="24" rx="6" fill="var(--accent-solid)" />
      <path d="M5.5 11.6 18 6.2l-3.9 12.3-3.1-4.6-5.5-2.3Z" fill="#fff" />
      <path d="m11 13.9 7-7.7" stroke="var(--accent-solid)" strokeWidth="1.2" strokeLinecap="round" />
    </svg>
  );
}
