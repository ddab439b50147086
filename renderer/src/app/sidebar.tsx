import { useId } from 'react';
import { attentionWord, mostPressing, runsNeedingAttention } from '../features/runs/attention/attention';
import { useAttention } from '../features/runs/attention/attention-store';
import { Logo } from '../ui/logo';
import { primaryScreens, screenIcons, secondaryScreens } from './nav-items';
import { isMac } from './platform';
import { hrefFor, type ScreenId, screenLabels } from './routes';
import { ariaShortcut, shortcutLabel } from './shortcuts';
import './sidebar.css';

/** Runs that need someone (waiting, rolling back, a rule firing), seen from every screen. */
function useRunsBadge(): { count: number; text: string } | undefined {
  const attention = useAttention((s) => s.attention);
  const kind = mostPressing(attention);
  const count = runsNeedingAttention(attention);
  if (!kind || count === 0) return undefined;
  return { count, text: `${count} ${count === 1 ? 'run needs' : 'runs need'} attention: ${attentionWord(kind)}` };
}

function NavLink({ screen, current }: { screen: ScreenId; current: boolean }) {
  const Icon = screenIcons[screen];
  const label = screenLabels[screen];
  const badgeId = useId();
  const badge = useRunsBadge();
  const shown = screen === 'runs' ? badge : undefined;
  return (
    <li>
      {/* The shortcut lives in title/aria-keyshortcuts, not in the text, so the name stays "Runs". */}
      <a
        className="nav-link"
        href={hrefFor(screen)}
        aria-current={current ? 'page' : undefined}
        title={`${label} (${shortcutLabel(screen, isMac)})`}
        aria-keyshortcuts={ariaShortcut(screen, isMac)}
        // The badge is a description, so the link's name stays "Runs".
        aria-describedby={shown ? badgeId : undefined}
      >
        <Icon size={16} aria-hidden />
        <span>{label}</span>
        <span className="nav-shortcut" aria-hidden>
          {shortcutLabel(screen, isMac)}
        </span>
        {shown ? (
          <span className="nav-badge" aria-hidden title={shown.text}>
            {shown.count}
          </span>
        ) : null}
      </a>
      {shown ? (
        <span id={badgeId} hidden>
          {shown.text}
        </span>
      ) : null}
    </li>
  );
}

export function Sidebar({ current }: { current: ScreenId }) {
  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <Logo />
        <span className="sidebar-product">Release Pilot</span>
      </div>
      <nav aria-label="Main" className="sidebar-nav">
        <ul className="nav-list">
          {primaryScreens.map((screen) => (
            <NavLink key={screen} screen={screen} current={screen === current} />
          ))}
        </ul>
        <ul className="nav-list nav-list-bottom">
          {secondaryScreens.map((screen) => (
            <NavLink key={screen} screen={screen} current={screen === current} />
          ))}
        </ul>
      </nav>
    </aside>
  );
}
