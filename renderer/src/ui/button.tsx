import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ComponentType, ReactNode } from 'react';
import { Loader } from './icons';
import './button.css';

type IconComponent = ComponentType<{ size?: number; 'aria-hidden'?: boolean; className?: string }>;

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  size?: 'sm' | 'md';
  icon?: IconComponent;
  /** Shows a spinner and blocks a second click while the action runs. */
  busy?: boolean;
  children?: ReactNode;
}

export function Button({
  variant = 'secondary',
  size = 'md',
  icon: Icon,
  busy = false,
  type = 'button',
  className,
  disabled,
  children,
  ...rest
}: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, `btn-${size}`, className].filter(Boolean).join(' ');
  return (
    <button {...rest} type={type} className={classes} disabled={disabled || busy} aria-busy={busy || undefined}>
      {busy ? <Loader size={14} aria-hidden className="btn-spinner" /> : Icon ? <Icon size={14} aria-hidden /> : null}
      {children}
    </button>
  );
}

export interface IconButtonProps extends Omit<ButtonProps, 'children' | 'icon'> {
  icon: IconComponent;
  /** The accessible name, also shown as the tooltip: an icon alone says nothing to a screen reader. */
  label: string;
}

export function IconButton({ icon, label, variant = 'ghost', size = 'sm', className, ...rest }: IconButtonProps) {
  return (
    <Button
      {...rest}
      icon={icon}
      variant={variant}
      size={size}
      aria-label={label}
      title={rest.title ?? label}
      className={['btn-icon', className].filter(Boolean).join(' ')}
    />
  );
}

export interface LinkButtonProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  variant?: 'primary' | 'secondary' | 'ghost';
  size?: 'sm' | 'md';
  icon?: IconComponent;
}

/** Navigation that looks like a button (e.g. "Go to Dashboard" in an empty state). */
export function LinkButton({
  variant = 'secondary',
  size = 'md',
  icon: Icon,
  className,
  children,
  ...rest
}: LinkButtonProps) {
  const classes = ['btn', `btn-${variant}`, `btn-${size}`, className].filter(Boolean).join(' ');
  return (
    <a {...rest} className={classes}>
      {Icon ? <Icon size={14} aria-hidden /> : null}
      {children}
    </a>
  );
}
