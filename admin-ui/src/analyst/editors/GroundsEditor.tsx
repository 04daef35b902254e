import type { EditorContext } from './types';

/** The grounds of the draft as a form (being built). */
export function GroundsEditor(ctx: EditorContext) {
  return <p className="qz-muted">{ctx.version.id}</p>;
}
