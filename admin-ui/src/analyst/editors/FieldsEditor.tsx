import type { EditorContext } from './types';

/** The fields of the draft as a form (being built). */
export function FieldsEditor(ctx: EditorContext) {
  return <p className="qz-muted">{ctx.version.id}</p>;
}
