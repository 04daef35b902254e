import type { EditorProblem } from '../model';

/**
 * The engine's problems of one field, under it: the field names this list's id in `aria-describedby` and carries
 * `aria-invalid` while the list is not empty.
 */
export function ProblemList({ id, problems }: { id: string; problems: readonly EditorProblem[] }) {
  if (!problems.length) return null;
  return (
    <ul id={id} className="qz-field-problems error qz-small">
      {problems.map((p, i) => (
        <li key={i}>{p.message}</li>
      ))}
    </ul>
  );
}

/** The props that tie a control to its problems (nothing when there are none). */
export function invalidProps(id: string, problems: readonly EditorProblem[]) {
  return problems.length ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
}
