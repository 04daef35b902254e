import type { EditorContext } from './types';

/** The documents of the draft as a form (being built). */
export function DocumentsEditor(ctx: EditorContext) {
  return <p className="qz-muted">{ctx.version.id}</p>;
}
