import { describe, expect, it } from 'vitest';
import { navOrder, primaryScreens, screens, secondaryScreens } from './routes';
import { ariaShortcut, isMacPlatform, type KeyLike, screenForShortcut, shortcutLabel } from './shortcuts';

const press = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('screenForShortcut', () => {
  it('maps Ctrl+1…9 to the screens in the sidebar order', () => {
    expect(screenForShortcut(press('1', { ctrlKey: true }), false)).toBe('dashboard');
    expect(screenForShortcut(press('4', { ctrlKey: true }), false)).toBe('plans');
    expect(screenForShortcut(press('5', { ctrlKey: true }), false)).toBe('runs');
    expect(screenForShortcut(press('7', { ctrlKey: true }), false)).toBe('monitoring');
    expect(screenForShortcut(press('9', { ctrlKey: true }), false)).toBe('settings');
    navOrder.forEach((screen, i) => {
      expect(screenForShortcut(press(String(i + 1), { ctrlKey: true }), false)).toBe(screen);
    });
    expect(navOrder).toEqual([...primaryScreens, ...secondaryScreens]);
    expect([...navOrder].sort()).toEqual([...screens].sort());
  });

  it('uses Cmd on macOS', () => {
    expect(screenForShortcut(press('2', { metaKey: true }), true)).toBe('runbooks');
    expect(screenForShortcut(press('2', { ctrlKey: true }), true)).toBeUndefined();
  });

  it('ignores other keys, extra modifiers and numbers past the last screen', () => {
    expect(screenForShortcut(press('1'), false)).toBeUndefined();
    expect(screenForShortcut(press('1', { ctrlKey: true, shiftKey: true }), false)).toBeUndefined();
    expect(screenForShortcut(press('1', { ctrlKey: true, altKey: true }), false)).toBeUndefined();
    expect(screenForShortcut(press(String(screens.length + 1), { ctrlKey: true }), false)).toBeUndefined();
    expect(screenForShortcut(press('a', { ctrlKey: true }), false)).toBeUndefined();
  });
});

describe('labels', () => {
  it('reads the platform', () => {
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('Linux x86_64')).toBe(false);
  });

  it('shows the shortcut the way each platform writes it', () => {
    expect(shortcutLabel('runs', false)).toBe('Ctrl+5');
    expect(shortcutLabel('runs', true)).toBe('⌘5');
    expect(ariaShortcut('settings', false)).toBe('Control+9');
  });
});
