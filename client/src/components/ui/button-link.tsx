import { Link, type LinkProps } from 'react-router';
import { buttonClass, type ButtonVariant } from './button';

export interface ButtonLinkProps extends LinkProps {
  variant?: ButtonVariant;
  size?: 'md' | 'lg';
  block?: boolean;
}

/** A navigation link that looks like a button. */
export function ButtonLink({ variant = 'secondary', size, block, className, ...rest }: ButtonLinkProps) {
  return <Link className={buttonClass(variant, size, block, className)} {...rest} />;
}
