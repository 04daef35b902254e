import type { ReactNode } from 'react';

/**
 * The heading of a card that opens and closes (a step, a ground, a document): a button saying whether the card is
 * open. It names the body it controls only while open, since a closed card does not render its body and a reference
 * to a missing element is an accessibility error.
 */
export function CardToggle({
  open,
  bodyId,
  onToggle,
  headClassName,
  className,
  autoFocus,
  testId,
  children,
}: {
  open: boolean;
  /** The id of the card's body (rendered only while open). */
  bodyId?: string;
  onToggle: () => void;
  headClassName: string;
  className: string;
  autoFocus?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <h3 className={headClassName}>
      <button
        type="button"
        className={className}
        aria-expanded={open}
        aria-controls={open ? bodyId : undefined}
        autoFocus={autoFocus}
        onClick={onToggle}
        data-testid={testId}
      >
        {children}
      </button>
    </h3>
  );
}
