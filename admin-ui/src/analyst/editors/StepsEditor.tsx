import type { EditorContext } from './types';

/** The steps of the draft as a form (being built). */
export function StepsEditor(
  ctx: EditorContext & { selected: string | null; onSelect: (state: string | null) => void },
) {
  return <p className="qz-muted">{ctx.version.id}</p>;
}
