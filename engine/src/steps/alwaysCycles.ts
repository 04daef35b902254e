import type { MachineDef } from '../format/types';

/**
 * The cycles of `always` transitions of a machine, each as the states in order (a→b→a is `['a', 'b']`). Guards are
 * ignored on purpose: they read decisions that stay fixed during a chain of automatic steps, so a cycle whose guards
 * all hold at once never ends, and proving they cannot is more than a definition check should attempt. No real
 * service needs such a cycle (an `always` chain moves forward through checks); a cycle is a mistake.
 * @example
 *   alwaysCycles({ initial: 'a', states: { a: { always: [{ target: 'b' }] }, b: { always: [{ target: 'a' }] } } })
 *   // [['a', 'b']]
 */
export function alwaysCycles(def: Pick<MachineDef, 'states'>): string[][] {
  const next = new Map<string, string[]>();
  for (const [name, s] of Object.entries(def.states))
    next.set(
      name,
      (s.always ?? []).map((t) => t.target),
    );
  const colour = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  const path: string[] = [];
  // Iterative depth-first search (a machine of thousands of states must not overflow the stack).
  for (const root of next.keys()) {
    if (colour.has(root)) continue;
    const stack: Array<{ state: string; i: number }> = [{ state: root, i: 0 }];
    colour.set(root, 'open');
    path.push(root);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const targets = next.get(top.state) ?? [];
      if (top.i >= targets.length) {
        colour.set(top.state, 'done');
        stack.pop();
        path.pop();
        continue;
      }
      const target = targets[top.i++];
      const seen = colour.get(target);
      if (seen === 'open') cycles.push(path.slice(path.indexOf(target)));
      else if (seen === undefined && next.has(target)) {
        colour.set(target, 'open');
        path.push(target);
        stack.push({ state: target, i: 0 });
      }
    }
  }
  return cycles;
}
