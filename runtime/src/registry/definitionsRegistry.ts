import { relative, resolve } from 'node:path';
import {
  addCalendarDays,
  appendVersion,
  civilDateOf,
  compileService,
  diffJson,
  domainError,
  runScenario,
  type AssembledDefinition,
  type CompiledService,
  type JsonChange,
  type Problem,
  type VersionDef,
} from '@qyzmet/engine';
import type { RuntimeContext } from '../runtimeContext';
import type { DefinitionDraft, StoredUser } from '../store/Store';
import { loadScenarios } from './loadScenarios';

/**
 * The definition registry behind the admin API. An analyst amends a service by drafting a NEW version (published
 * versions are immutable), checks it (problems located in the draft, the scenarios whose outcome or due date it
 * changes, the open applications that stay on the version it replaces), and publishes it with its effective date —
 * given, or computed as "N calendar days after the first official publication". Published drafts live in the store
 * and are applied over the files at every start, so a publication survives a restart.
 */

export interface DraftCheck {
  problems: Problem[];
  impact: Array<{
    scenario: string;
    file: string;
    before: { status: string; state: string; due: string | null };
    after: { status: string; state: string; due: string | null } | { error: string };
    changed: boolean;
  }>;
  openApplicationsOnCurrent: number;
  diff: JsonChange[];
}

/**
 * The service definition plus one more version: problems in the draft point into `draft:<id>`, and its template paths
 * are relative to the service folder (the workbench appends its drafts the same way, with the engine's function).
 */
function withDraft(
  base: AssembledDefinition,
  serviceDir: string,
  version: VersionDef,
  draftId: string,
): AssembledDefinition {
  return appendVersion(base, { value: version, file: `draft:${draftId}` }, (rel) =>
    relative(process.cwd(), resolve(serviceDir, rel)),
  );
}

export class DefinitionsRegistry {
  constructor(private readonly ctx: RuntimeContext) {}

  private base(serviceId: string): { service: CompiledService; assembled: AssembledDefinition } {
    const service = this.ctx.repo.services.get(serviceId);
    const assembled = this.ctx.repo.assembled.get(serviceId);
    if (!service || !assembled) throw domainError('notFound', 'service.unknown', `no service "${serviceId}"`);
    return { service, assembled };
  }

  compileDraft(
    serviceId: string,
    version: VersionDef,
    draftId: string,
  ): { service?: CompiledService; problems: Problem[] } {
    const { assembled } = this.base(serviceId);
    return compileService(
      withDraft(assembled, this.ctx.repo.serviceDir(serviceId), version, draftId),
      this.ctx.repo.compileEnv,
    );
  }

  async createDraft(
    user: StoredUser,
    serviceId: string,
    body: { version?: unknown; note?: unknown },
  ): Promise<DefinitionDraft> {
    const { service } = this.base(serviceId);
    const current = service.versionAt(this.ctx.now().getTime()) ?? service.versions[service.versions.length - 1];
    const version = (
      body.version && typeof body.version === 'object' ? body.version : this.copyOf(serviceId, current.def)
    ) as Record<string, unknown>;
    const at = this.ctx.now().toISOString();
    const draft: DefinitionDraft = {
      serviceId,
      id: this.ctx.newId(),
      definition: version,
      author: user.id,
      note: typeof body.note === 'string' ? body.note : '',
      createdAt: at,
      updatedAt: at,
      publishedAt: null,
    };
    await this.ctx.store.saveDraft(draft);
    await this.ctx.store.appendAudit({
      at,
      userId: user.id,
      action: 'definition.draft.create',
      subject: `definition:${serviceId}`,
      details: { draftId: draft.id, from: current.id },
    });
    return draft;
  }

  /**
   * A new version to edit, copied from an existing one: its template paths made relative to the service folder
   * (where a drafted version's paths are read from), and a provisional start tomorrow, replaced at publication.
   */
  private copyOf(serviceId: string, def: VersionDef): VersionDef {
    const { service, assembled } = this.base(serviceId);
    const index = service.def.versions.findIndex((v) => v.id === def.id);
    const dir = this.ctx.repo.serviceDir(serviceId);
    // The version as written: the compiled one has every legalRef's seed filled in from the acts registry.
    const copy = structuredClone((assembled.value as { versions: VersionDef[] }).versions[index] ?? def);
    // Unique among the versions, so a second draft after a publication never clashes with the first.
    const taken = new Set(service.versions.map((v) => v.id));
    let n = 1;
    while (taken.has(`${def.id}-draft${n > 1 ? `-${n}` : ''}`)) n++;
    copy.id = `${def.id}-draft${n > 1 ? `-${n}` : ''}`;
    copy.effectiveFrom = addCalendarDays(civilDateOf(this.ctx.now().getTime(), service.workingTime.timeZone), 1);
    delete copy.effectiveTo;
    (copy.documents ?? []).forEach((d, j) => {
      for (const lang of ['kk', 'ru'] as const) {
        const file = assembled.resolvePath(`/versions/${index}/documents/${j}/templates/${lang}`, d.templates[lang]);
        d.templates[lang] = relative(dir, resolve(file));
      }
    });
    return copy;
  }

  async getDraft(serviceId: string, draftId: string): Promise<DefinitionDraft> {
    const d = await this.ctx.store.getDraft(serviceId, draftId);
    if (!d) throw domainError('notFound', 'draft.unknown', `no draft "${draftId}" of ${serviceId}`);
    return d;
  }

  async updateDraft(
    user: StoredUser,
    serviceId: string,
    draftId: string,
    body: { version?: unknown; note?: unknown },
  ): Promise<DefinitionDraft> {
    const d = await this.getDraft(serviceId, draftId);
    if (d.publishedAt)
      throw domainError('conflict', 'draft.published', 'a published version is immutable: draft a new version instead');
    if (!body.version || typeof body.version !== 'object')
      throw domainError('user', 'request.invalid', 'send { "version": { …the drafted version… } }');
    const next = {
      ...d,
      definition: body.version as Record<string, unknown>,
      note: typeof body.note === 'string' ? body.note : d.note,
      updatedAt: this.ctx.now().toISOString(),
    };
    await this.ctx.store.saveDraft(next);
    await this.ctx.store.appendAudit({
      at: next.updatedAt,
      userId: user.id,
      action: 'definition.draft.update',
      subject: `definition:${serviceId}`,
      details: { draftId, changes: diffJson(d.definition, next.definition).length },
    });
    return next;
  }

  /**
   * Problems of the draft, the scenarios whose outcome it changes, and how many open applications stay on the current
   * version.
   */
  async check(serviceId: string, draftId: string): Promise<DraftCheck> {
    const draft = await this.getDraft(serviceId, draftId);
    const { service } = this.base(serviceId);
    const version = draft.definition as unknown as VersionDef;
    const current = service.versionAt(this.ctx.now().getTime()) ?? service.versions[service.versions.length - 1];
    const { service: drafted, problems } = this.compileDraft(serviceId, version, draftId);
    const diff = diffJson(current.def, version);
    const open = await this.ctx.store.listApplications({
      serviceId,
      status: ['registered', 'in-progress', 'suspended'],
      limit: 1,
      offset: 0,
    });
    const onCurrent = open.total;
    const impact: DraftCheck['impact'] = [];
    const draftedVersion = drafted?.versions.find((v) => v.id === version.id);
    if (draftedVersion) {
      for (const { file, scenario } of loadScenarios(this.ctx.repo.serviceDir(serviceId)).scenarios) {
        const before = await runScenario(service, scenario);
        const after = await runScenario(drafted!, scenario, { version: draftedVersion });
        const summary = (o: typeof before) => ({
          status: o.result?.status ?? 'error',
          state: o.result?.state ?? '',
          due: o.result?.deadlines.find((d) => d.id === 'service')?.dueAt ?? null,
        });
        const b = summary(before);
        const a = after.result ? summary(after) : { error: after.error ?? 'failed' };
        impact.push({
          scenario: scenario.name,
          file,
          before: b,
          after: a,
          changed: JSON.stringify(a) !== JSON.stringify(b),
        });
      }
    }
    return { problems, impact, openApplicationsOnCurrent: onCurrent, diff };
  }

  /**
   * Publishes a draft as a new version. `effectiveFrom` is given, or computed from the publication date of the
   * amending act: published 1 February + 10 calendar days → in force from 12 February.
   */
  async publish(
    user: StoredUser,
    serviceId: string,
    draftId: string,
    body: { effectiveFrom?: unknown; publishedOn?: unknown; calendarDays?: unknown },
  ): Promise<{ version: string; effectiveFrom: string }> {
    const draft = await this.getDraft(serviceId, draftId);
    if (draft.publishedAt) throw domainError('conflict', 'draft.published', 'this draft is already published');
    const version = { ...(draft.definition as unknown as VersionDef) };
    const date = /^\d{4}-\d{2}-\d{2}$/;
    if (typeof body.effectiveFrom === 'string' && date.test(body.effectiveFrom))
      version.effectiveFrom = body.effectiveFrom;
    else if (typeof body.publishedOn === 'string' && date.test(body.publishedOn)) {
      const days = typeof body.calendarDays === 'number' ? body.calendarDays : 10;
      version.effectiveFrom = addCalendarDays(body.publishedOn, days + 1);
    } else if (typeof version.effectiveFrom !== 'string') {
      throw domainError(
        'user',
        'request.invalid',
        'give "effectiveFrom" (YYYY-MM-DD) or "publishedOn" (YYYY-MM-DD, with "calendarDays", default 10)',
      );
    }
    const { service: compiled, problems } = this.compileDraft(serviceId, version, draftId);
    if (!compiled)
      throw domainError('definition', 'draft.invalid', `the draft has ${problems.length} problem(s); fix them first`, {
        extensions: { errors: problems.map((p) => ({ pointer: p.pointer ?? '', code: p.code, message: p.message })) },
      });
    const effective = compiled.versions.find((v) => v.id === version.id)!;
    if (effective.fromMs <= this.ctx.now().getTime() - 86_400_000)
      throw domainError(
        'user',
        'draft.pastDate',
        `a new version cannot take effect in the past (${effective.effectiveFrom}); applications already registered keep their version`,
      );
    const at = this.ctx.now().toISOString();
    await this.ctx.store.saveDraft({
      ...draft,
      definition: version as unknown as Record<string, unknown>,
      publishedAt: at,
      updatedAt: at,
    });
    this.apply(serviceId, version, draftId, compiled);
    await this.ctx.store.appendAudit({
      at,
      userId: user.id,
      action: 'definition.publish',
      subject: `definition:${serviceId}`,
      details: { draftId, version: version.id, effectiveFrom: effective.effectiveFrom },
    });
    return { version: version.id, effectiveFrom: effective.effectiveFrom! };
  }

  private apply(serviceId: string, version: VersionDef, draftId: string, compiled: CompiledService): void {
    const assembled = this.ctx.repo.assembled.get(serviceId)!;
    this.ctx.repo.assembled.set(serviceId, withDraft(assembled, this.ctx.repo.serviceDir(serviceId), version, draftId));
    this.ctx.repo.services.set(serviceId, compiled);
  }

  /** At start: the versions published through the admin API, applied over the files in publication order. */
  async applyPublished(): Promise<number> {
    let applied = 0;
    for (const serviceId of [...this.ctx.repo.services.keys()]) {
      const published = (await this.ctx.store.listDrafts(serviceId))
        .filter((d) => d.publishedAt)
        .sort((a, b) => a.publishedAt!.localeCompare(b.publishedAt!));
      for (const d of published) {
        const version = d.definition as unknown as VersionDef;
        const { service, problems } = this.compileDraft(serviceId, version, d.id);
        if (!service) {
          this.ctx.log(
            `published version ${version.id} of ${serviceId} no longer compiles: ${problems.map((p) => p.message).join('; ')}`,
          );
          continue;
        }
        this.apply(serviceId, version, d.id, service);
        applied++;
      }
    }
    return applied;
  }
}
