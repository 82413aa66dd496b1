// A square button holding only an icon; `label` is required because it is the button's accessible name
// (and its tooltip).
import type { ButtonHTMLAttributes, ReactNode } from 'react';

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  label: string;
  children: ReactNode;
  size?: 'sm' | 'md';
}

export function IconButton({
  label,
  size = 'md',
  className = '',
  type = 'button',
  ...props
}: IconButtonProps) {
  const box = size === 'sm' ? 'size-7' : 'size-9';
  return (
    <button
      type={type}
      aria-label={label}
      title={label}
      className={`inline-flex ${box} shrink-0 items-center justify-center rounded-md text-muted-foreground transition hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring disabled:pointer-events-none disabled:opacity-40 ${className}`}
      {...props}
    />
  );
}
