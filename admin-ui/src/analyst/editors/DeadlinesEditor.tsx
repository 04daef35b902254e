import type { EditorContext } from './types';

/** The deadlines of the draft as a form (being built). */
export function DeadlinesEditor(ctx: EditorContext) {
  return <p className="qz-muted">{ctx.version.id}</p>;
}
