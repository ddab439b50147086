import type { ComponentProps } from 'react';
import './input.css';

// React 19 passes `ref` as an ordinary prop, so ComponentProps<'input'> carries it through.

export function TextInput({ className, ...rest }: ComponentProps<'input'>) {
  return <input type="text" {...rest} className={['input', className].filter(Boolean).join(' ')} />;
}

export function Select({ className, children, ...rest }: ComponentProps<'select'>) {
  return (
    <select {...rest} className={['input', 'select', className].filter(Boolean).join(' ')}>
      {children}
    </select>
  );
}
