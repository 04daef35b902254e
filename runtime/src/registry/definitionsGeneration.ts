import type { RuntimeContext } from '../runtimeContext';

/**
 * The generation mark of what was published through the admin API: it changes in the store with every publication
 * (an act, a version), so every instance on that store knows when to reload (definitionsSync.ts).
 */

const GENERATION = 'definitions.generation';
const seen = new WeakMap<RuntimeContext, string | undefined>();

/** Marks a publication so every other instance reloads; this one has applied it already. */
export async function markPublished(ctx: RuntimeContext): Promise<void> {
  const mark = `${ctx.now().toISOString()} ${ctx.newId()}`;
  await ctx.store.setMeta(GENERATION, mark);
  seen.set(ctx, mark);
}

/** The mark in the store now, and whether this instance has applied it. */
export async function generationOf(ctx: RuntimeContext): Promise<{ mark: string | undefined; applied: boolean }> {
  const mark = await ctx.store.getMeta(GENERATION);
  return { mark, applied: seen.has(ctx) && seen.get(ctx) === mark };
}

export function markApplied(ctx: RuntimeContext, mark: string | undefined): void {
  seen.set(ctx, mark);
}
