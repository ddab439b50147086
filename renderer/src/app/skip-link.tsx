import './skip-link.css';

/**
 * First Tab stop: jumps past the sidebar. It focuses <main> by script, because following
 * `href="#content"` would change the hash and the hash is the router.
 */
export function SkipLink() {
  return (
    // biome-ignore lint/a11y/useValidAnchor: a real link to #content would rewrite the hash, which is the router
    <a
      className="skip-link"
      href="#content"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('content')?.focus();
      }}
    >
      Skip to content
    </a>
  );
}
