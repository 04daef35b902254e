import {
  compileService,
  createSchemaValidator,
  domainError,
  serviceSchema,
  sharedActsSchema,
  type Act,
  type Problem,
} from '@qyzmet/engine';
import type { RuntimeContext } from '../runtimeContext';
import type { StoredAct, StoredUser } from '../store/Store';
import { markPublished } from './definitionsGeneration';
import { serviceCompileEnv } from './loadRepository';

/**
 * The acts registry over the admin API: the acts of definitions/shared/acts plus those an analyst registers through
 * the API (an amending order arrives before anyone edits a file), and the publication date entered when it is known.
 * The registry is the source of the dates: after a change every service is compiled again, so the versions that wait
 * for an act's publication get their effective dates at once.
 */

export type { StoredAct };

let entryValidator: ReturnType<typeof createSchemaValidator> | undefined;

/** Problems of one acts-registry entry, with pointers into the request body (not into a registry file). */
export function validateActEntry(id: unknown, act: unknown): Problem[] {
  entryValidator ??= createSchemaValidator(sharedActsSchema, 'acts', [serviceSchema]);
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id))
    return [
      {
        code: 'act.id',
        kind: 'user',
        pointer: '/id',
        message: 'an act id is lowercase latin letters, digits and hyphens, e.g. "moj-order-999-2026"',
      },
    ];
  return entryValidator.validate({ acts: { [id]: act } }).map((p) => ({
    ...p,
    kind: 'user',
    pointer: (p.pointer ?? '').replace(`/acts/${id}`, '') || '/',
  }));
}

export class ActsRegistry {
  constructor(private readonly ctx: RuntimeContext) {}

  private get acts(): Record<string, Act> {
    return this.ctx.repo.compileEnv.sharedActs;
  }

  list(): Array<{ id: string } & Act> {
    return Object.entries(this.acts)
      .map(([id, act]) => ({ id, ...act }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The entry of that id, by own property only: "constructor" or "__proto__" is no act. */
  private own(id: string): Act | undefined {
    return Object.hasOwn(this.acts, id) ? this.acts[id] : undefined;
  }

  get(id: string): { id: string } & Act {
    const act = this.own(id);
    if (!act) throw domainError('notFound', 'act.unknown', `no act "${id}" in the registry`);
    return { id, ...act };
  }

  async create(user: StoredUser, body: Record<string, unknown>): Promise<{ id: string } & Act> {
    const { id, ...act } = body;
    const problems = validateActEntry(id, act);
    if (problems.length) throw invalid(problems);
    if (this.own(id as string))
      throw domainError('conflict', 'act.exists', `the act "${String(id)}" is already in the registry`);
    await this.save(user, id as string, act as unknown as Act, 'act.create');
    return this.get(id as string);
  }

  /**
   * Amends an entry (typically `publication.date` once the act is published, or its citation); the versions' dates
   * follow. A member given as null is removed (an approval or a citation the analyst emptied).
   */
  async patch(user: StoredUser, id: string, body: Record<string, unknown>): Promise<{ id: string } & Act> {
    const current = this.get(id);
    const { id: _ignored, ...next } = { ...current, ...body } as Record<string, unknown>;
    for (const key of Object.keys(body)) if (body[key] === null) delete next[key];
    const problems = validateActEntry(id, next);
    if (problems.length) throw invalid(problems);
    await this.save(user, id, next as unknown as Act, 'act.update');
    return this.get(id);
  }

  private async save(user: StoredUser, id: string, act: Act, action: string): Promise<void> {
    const at = this.ctx.now().toISOString();
    const before = this.own(id);
    await this.ctx.store.saveAct({ id, act, createdBy: user.id, createdAt: at, updatedAt: at });
    await this.ctx.store.appendAudit({
      at,
      userId: user.id,
      action,
      subject: `act:${id}`,
      details: { before: before ?? null, after: act },
    });
    this.acts[id] = act;
    this.recompile();
    await markPublished(this.ctx);
  }

  /** At start: the acts registered or amended through the API, over those of the files. */
  async applyStored(): Promise<number> {
    const stored = await this.ctx.store.listActs();
    for (const s of stored) this.acts[s.id] = s.act;
    if (stored.length) this.recompile();
    return stored.length;
  }

  /** Every service compiled again with the registry as it now is (a publication date moves effective dates). */
  private recompile(): void {
    const repo = this.ctx.repo;
    for (const [serviceId, assembled] of repo.assembled) {
      const { service } = compileService(assembled, serviceCompileEnv(repo, serviceId));
      if (service) repo.services.set(serviceId, service);
    }
  }
}

function invalid(problems: Problem[]) {
  return domainError('user', 'act.invalid', `the act has ${problems.length} problem(s)`, {
    extensions: {
      errors: problems.map((p) => ({ pointer: p.pointer ?? '/', code: p.code, message: p.message })),
    },
  });
}
