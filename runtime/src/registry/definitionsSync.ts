import type { CompiledService, AssembledDefinition, Act } from '@qyzmet/engine';
import type { RuntimeContext } from '../runtimeContext';
import { ActsRegistry } from './actsRegistry';
import { DefinitionsRegistry } from './definitionsRegistry';
import { generationOf, markApplied } from './definitionsGeneration';

/**
 * Several runtime instances on one store see the same definitions: what is published through the admin API (acts,
 * versions) lives in the store, and a generation mark there changes with every publication. Each instance applies the
 * store over the files at start and again whenever the mark moves (checked every second by default), starting from
 * the files' state so nothing is applied twice.
 */

export class DefinitionsSync {
  private readonly files: {
    assembled: Map<string, AssembledDefinition>;
    services: Map<string, CompiledService>;
    acts: Record<string, Act>;
  };

  constructor(private readonly ctx: RuntimeContext) {
    const repo = ctx.repo;
    this.files = {
      assembled: new Map(repo.assembled),
      services: new Map(repo.services),
      acts: { ...repo.compileEnv.sharedActs },
    };
  }

  /**
   * Applies the store over the files: acts first (their dates decide the versions' periods), then the versions. The
   * new state is built aside and swapped in at once, so a request never sees the files without the publications.
   */
  async apply(): Promise<{ acts: number; versions: number }> {
    const repo = this.ctx.repo;
    const { mark } = await generationOf(this.ctx);
    const aside = {
      ...repo,
      assembled: new Map(this.files.assembled),
      services: new Map(this.files.services),
      compileEnv: { ...repo.compileEnv, sharedActs: { ...this.files.acts } },
    };
    const ctx = { ...this.ctx, repo: aside };
    const acts = await new ActsRegistry(ctx).applyStored();
    const versions = await new DefinitionsRegistry(ctx).applyPublished();
    swap(repo.assembled, aside.assembled);
    swap(repo.services, aside.services);
    swap(repo.compileEnv.sharedActs, aside.compileEnv.sharedActs);
    markApplied(this.ctx, mark);
    return { acts, versions };
  }

  /** Reloads when another instance published since; true when it did. */
  async refreshIfChanged(): Promise<boolean> {
    if ((await generationOf(this.ctx)).applied) return false;
    await this.apply();
    return true;
  }
}

/** Makes `target` hold exactly what `source` holds (the maps are shared by reference across the runtime). */
function swap<V>(target: Map<string, V> | Record<string, V>, source: Map<string, V> | Record<string, V>): void {
  if (target instanceof Map && source instanceof Map) {
    target.clear();
    for (const [k, v] of source) target.set(k, v);
    return;
  }
  const t = target as Record<string, V>;
  for (const k of Object.keys(t)) delete t[k];
  Object.assign(t, source);
}
