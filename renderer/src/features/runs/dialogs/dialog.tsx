import { type FormEvent, type KeyboardEvent, type ReactNode, useId, useLayoutEffect, useRef } from 'react';
import { IconButton } from '../../../ui/button';
import { X } from '../../../ui/icons';
import './dialog.css';

export interface DialogProps {
  title: string;
  /** One line under the title: what the dialog decides. */
  description?: ReactNode;
  onClose(): void;
  /** Enter in a field submits; the dialog stays open until the caller closes it (a failure keeps the text). */
  onSubmit?(): void;
  /** Buttons at the bottom right; the submit button should be `type="submit"`. */
  footer?: ReactNode;
  /** Shown at the bottom left of the footer: an error or a status. */
  status?: ReactNode;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  /** The tone of the title bar's accent: danger for failures and destructive choices. */
  tone?: 'default' | 'danger' | 'warning';
  children: ReactNode;
}

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native <dialog>, open while it is rendered: the page behind is inert,
 * Escape closes it, Tab stays inside, and focus returns to where it was when it goes away.
 */
export function Dialog({
  title,
  description,
  onClose,
  onSubmit,
  footer,
  status,
  size = 'md',
  tone = 'default',
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement as HTMLElement | null;
    dialog.showModal();
    // The field marked data-autofocus, else the first control of the body (not the close button).
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector('.dialog-body')?.querySelector<HTMLElement>(focusable);
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // The opener may be gone (the answered item's button): the screen's heading is the next best place.
      const target = returnTo?.isConnected
        ? returnTo
        : document.querySelector<HTMLElement>('#content [data-page-title]');
      target?.focus({ preventScroll: true });
    };
  }, []);

  const trapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(focusable)].filter((el) => el.offsetParent !== null);
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size} dialog-tone-${tone}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: the caller decides (it unmounts the dialog); the browser must not close it alone.
        event.preventDefault();
        onClose();
      }}
      onKeyDown={trapTab}
    >
      <form className="dialog-form" onSubmit={submit} noValidate>
        <header className="dialog-header">
          <div className="dialog-heading">
            <h2 id={titleId} className="dialog-title">
              {title}
            </h2>
            {description ? (
              <p id={descriptionId} className="dialog-description">
                {description}
              </p>
            ) : null}
          </div>
          <IconButton icon={X} label="Close (Escape)" onClick={onClose} />
        </header>
        <div className="dialog-body">{children}</div>
        {footer || status ? (
          <footer className="dialog-footer">
            <div className="dialog-status">{status}</div>
            <div className="dialog-buttons">{footer}</div>
          </footer>
        ) : null}
      </form>
    </dialog>
  );
}
