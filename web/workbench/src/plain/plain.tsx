import type { InputHTMLAttributes, ReactNode } from 'react';
import './plain.css';

// The sign-in page opens without Ant Design, so most visits start with a third of the script.
// These few controls are drawn the way antd draws them with the workbench's theme (theme.ts),
// so the page looks the same as the rest of the workbench.

export function PlainField({ id, label, error, after, ...input }: InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  error?: string | null;
  /** Drawn inside the field's box, after the text: the password's show/hide button. */
  after?: ReactNode;
}) {
  const help = `${id}-help`;
  return (
    <div className={error ? 'pl-field pl-field-error' : 'pl-field'}>
      <label htmlFor={id} className="pl-label">
        {input.required && <span className="pl-required" aria-hidden="true">*</span>}
        {label}
      </label>
      <div className="pl-box">
        <input id={id} className="pl-input" aria-invalid={error ? true : undefined} aria-describedby={error ? help : undefined} {...input} />
        {after}
      </div>
      {error && <div id={help} className="pl-help">{error}</div>}
    </div>
  );
}

export function PlainAlert({ type, title, children }: { type: 'error' | 'success'; title: string; children?: ReactNode }) {
  return (
    <div className={`pl-alert pl-alert-${type}`} role={type === 'error' ? 'alert' : 'status'}>
      <span className="pl-alert-sign" aria-hidden="true">{type === 'error' ? '!' : '✓'}</span>
      <div>
        <div className="pl-alert-title">{title}</div>
        {children && <div className="pl-alert-text">{children}</div>}
      </div>
    </div>
  );
}

export function PlainButton({ primary, block, busy, children, ...button }: React.ButtonHTMLAttributes<HTMLButtonElement> & {
  primary?: boolean;
  block?: boolean;
  /** Shows a spinner and ignores further clicks until the request is answered. */
  busy?: boolean;
}) {
  const classes = ['pl-button', primary && 'pl-button-primary', block && 'pl-button-block', busy && 'pl-button-busy'].filter(Boolean).join(' ');
  return (
    <button type="button" className={classes} aria-busy={busy || undefined} {...button} onClick={busy ? undefined : button.onClick}>
      {busy && <span className="pl-spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
