import { Logo } from '../ui/logo';
import { primaryScreens, screenIcons, secondaryScreens } from './nav-items';
import { isMac } from './platform';
import { hrefFor, type ScreenId, screenLabels } from './routes';
import { ariaShortcut, shortcutLabel } from './shortcuts';
import './sidebar.css';

function NavLink({ screen, current }: { screen: ScreenId; current: boolean }) {
  const Icon = screenIcons[screen];
  const label = screenLabels[screen];
  return (
    <li>
      {/* The shortcut lives in title/aria-keyshortcuts, not in the text, so the name stays "Runs". */}
      <a
        className="nav-link"
        href={hrefFor(screen)}
        aria-current={current ? 'page' : undefined}
        title={`${label} (${shortcutLabel(screen, isMac)})`}
        aria-keyshortcuts={ariaShortcut(screen, isMac)}
      >
        <Icon size={16} aria-hidden />
        <span>{label}</span>
        <span className="nav-shortcut" aria-hidden>
          {shortcutLabel(screen, isMac)}
        </span>
      </a>
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
