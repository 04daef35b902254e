import { relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  addCalendarDays,
  changesBetween,
  civilDateOf,
  diffJson,
  domainError,
  OPEN_STATUSES,
  type AssembledDefinition,
  type ChangeDef,
  type CompiledService,
  type CompiledVersion,
  type DocumentDef,
  type LegalRef,
  type VersionDef,
} from '@qyzmet/engine';
import type { RuntimeContext } from '../runtimeContext';
import type { DefinitionDraft, StoredUser } from '../store/Store';
import type { DraftJobKind } from './checkWorker';
import { draftCheckWorker } from './checkWorkerPool';
import { confinedPath, definitionAreas } from './confinedPath';
import { markPublished } from './definitionsGeneration';
import type { DraftCheck, PublicationTrial, ScenarioRun } from './draftCheck';
import { compileDraft, publishedChain, withDraft, type DraftBase } from './draftCompiler';
import { legalRefIn, scenariosIn } from './draftInput';
import { acceptedExpectation, baseName, scenariosOf } from './draftScenarios';
import { serviceCompileEnv } from './loadRepository';

export type { DraftCheck } from './draftCheck';

/**
 * The definition registry behind the admin API. An analyst amends a service by drafting a NEW version (published
 * versions are immutable) written as an amendment: `basedOn` the latest published version (including one whose
 * effective date is still ahead) plus changes that each cite the amending act's item. Every save is a revision with an
 * optimistic `rev`; a check lists the problems, the changes in words, the scenarios and open applications it would
 * change; a second analyst approves the exact revision; publication runs the language-parity check and the scenarios
 * and fixes the effective date. Published drafts live in the store and are applied over the files at every start.
 */

type DraftBody = Record<string, unknown>;

/** What the API answers for a draft: the stored draft plus the version it makes, materialised. */
export type DraftView = DefinitionDraft & {
  materialised: Record<string, unknown> | null;
  /** The display names of the users it mentions (author, last saver, approvers): people, not ids, on screen. */
  names: Record<string, string>;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * Changes one draft may hold: an amending order changes tens of elements (a state, a field, a ground each), and
 * materialising a draft — on every read, on this thread — grows faster than its changes (9,000 took seconds).
 */
export const MAX_DRAFT_CHANGES = 1000;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export class DefinitionsRegistry {
  constructor(private readonly ctx: RuntimeContext) {}

  private base(serviceId: string): { service: CompiledService; assembled: AssembledDefinition } {
    const service = this.ctx.repo.services.get(serviceId);
    const assembled = this.ctx.repo.assembled.get(serviceId);
    if (!service || !assembled) throw domainError('notFound', 'service.unknown', `no service "${serviceId}"`);
    return { service, assembled };
  }

  /** The service's definition as in force, for compiling a draft over it (on this thread or in the worker). */
  private draftBase(serviceId: string): DraftBase {
    return {
      root: this.ctx.repo.root,
      serviceId,
      assembled: this.base(serviceId).assembled,
      env: serviceCompileEnv(this.ctx.repo, serviceId),
    };
  }

  /** The service with the draft appended (materialised, problems located in `draft:<id>`). */
  private withDraft(serviceId: string, version: Record<string, unknown>, draftId: string): AssembledDefinition {
    return withDraft(this.draftBase(serviceId), version, draftId);
  }

  /** Runs a job on the draft in the draft-check worker, under its time budget (checkWorkerPool.ts). */
  private inWorker<T>(serviceId: string, d: DefinitionDraft, job: DraftJobKind): Promise<T> {
    const { assembled } = this.base(serviceId);
    return draftCheckWorker.run<T>({
      root: this.ctx.repo.root,
      serviceId,
      chain: publishedChain(assembled),
      sharedActs: this.ctx.repo.compileEnv.sharedActs,
      draft: d,
      ...job,
    });
  }

  /** What a save refuses before keeping a draft: more changes than a draft holds, a template path leading outside. */
  private refuseUnsafe(serviceId: string, version: Record<string, unknown>, draftId: string): void {
    refuseTooManyChanges(version, draftId);
    this.refuseOutsidePaths(serviceId, version, draftId);
  }

  /**
   * A draft names template files only inside its service folder or definitions/shared/ (a new wording travels as
   * text): a path leading elsewhere is refused when the draft is saved, located at the document that names it.
   */
  private refuseOutsidePaths(serviceId: string, version: Record<string, unknown>, draftId: string): void {
    const drafted = this.withDraft(serviceId, version, draftId);
    const versions = (drafted.value as { versions: VersionDef[] }).versions;
    const at = versions.length - 1;
    const areas = definitionAreas(this.ctx.repo.root, serviceId);
    const documents = versions[at]?.documents;
    if (!Array.isArray(documents)) return;
    documents.forEach((d, j) => {
      for (const lang of ['kk', 'ru'] as const) {
        const source = d?.templates?.[lang];
        if (typeof source !== 'string') continue;
        const pointer = `/versions/${at}/documents/${j}/templates/${lang}`;
        try {
          confinedPath(drafted.resolvePath(pointer, source), areas);
        } catch (e) {
          const where = drafted.locate(pointer);
          const message = `${where.file}${where.pointer}: ${(e as Error).message}`;
          throw domainError('definition', 'definition.pathOutside', message, {
            file: where.file,
            pointer: where.pointer,
            line: where.line,
            column: where.column,
            params: { path: source },
            extensions: {
              location: where,
              errors: [{ pointer: where.pointer, code: 'definition.pathOutside', message }],
            },
          });
        }
      }
    });
  }

  /** The latest published version, including one that waits for its effective date: what a new draft amends. */
  private latestPublished(service: CompiledService): CompiledVersion {
    return service.versions[service.versions.length - 1];
  }

  /** The whole version the draft makes, as written (the compiled one has seeds and defaults filled in). */
  private materialise(serviceId: string, draft: DefinitionDraft): Record<string, unknown> | null {
    const drafted = this.withDraft(serviceId, draft.definition, draft.id);
    if (drafted.materialisationProblems?.length) return null;
    const versions = (drafted.value as { versions: Array<Record<string, unknown>> }).versions;
    const at = versions.length - 1;
    // The whole version an engineer edits in the JSON view: what it is, not how it was written.
    const { basedOn: _basedOn, changes: _changes, ...whole } = JSON.parse(JSON.stringify(versions[at]));
    // Its template paths, written relative to the files that named them, become relative to the service folder,
    // where the paths of a version sent whole are read from.
    const dir = this.ctx.repo.serviceDir(serviceId);
    ((whole.documents ?? []) as DocumentDef[]).forEach((d, j) => {
      for (const lang of ['kk', 'ru'] as const) {
        const source = d.templates[lang];
        // A wording written inline travels as it is.
        if (typeof source !== 'string') continue;
        const file = drafted.resolvePath(`/versions/${at}/documents/${j}/templates/${lang}`, source);
        d.templates[lang] = relative(dir, resolve(file));
      }
    });
    return whole;
  }

  /**
   * A version sent whole names its templates relative to the service folder; where a document is the base's own, the
   * base's spelling of its files is kept, so an unchanged document is no change.
   */
  private baseTemplatePaths(serviceId: string, baseId: string, version: Record<string, unknown>) {
    const { assembled } = this.base(serviceId);
    const dir = this.ctx.repo.serviceDir(serviceId);
    const versions = (assembled.value as { versions: VersionDef[] }).versions;
    const k = versions.findIndex((v) => v.id === baseId);
    const baseDocs = versions[k]?.documents ?? [];
    const docs = ((version.documents ?? []) as DocumentDef[]).map((d) => {
      const j = baseDocs.findIndex((b) => b.id === d.id);
      if (j < 0 || !d.templates) return d;
      const templates = { ...d.templates };
      for (const lang of ['kk', 'ru'] as const) {
        const [mine, base] = [d.templates[lang], baseDocs[j].templates[lang]];
        if (typeof mine !== 'string' || typeof base !== 'string') continue;
        const theirs = resolve(assembled.resolvePath(`/versions/${k}/documents/${j}/templates/${lang}`, base));
        if (resolve(dir, mine) === theirs) templates[lang] = base;
      }
      // Only a document left as it was takes the base's spelling (and makes no change); a changed one is written
      // into the draft, where paths are read from the service folder, so its own spelling is the right one there.
      const unchanged = { ...d, templates };
      return isDeepStrictEqual(unchanged, baseDocs[j]) ? unchanged : d;
    });
    return version.documents ? { ...version, documents: docs } : version;
  }

  async view(serviceId: string, draft: DefinitionDraft): Promise<DraftView> {
    return {
      ...draft,
      materialised: this.materialise(serviceId, draft),
      names: await this.namesOf([draft.author, draft.savedBy, ...draft.approvals.map((a) => a.by)]),
    };
  }

  /** Display names by user id (an unknown id keeps no name: the UI shows the id). */
  private async namesOf(ids: string[]): Promise<Record<string, string>> {
    const names: Record<string, string> = {};
    for (const id of new Set(ids)) {
      const user = await this.ctx.store.getUser(id);
      if (user) names[id] = user.displayName;
    }
    return names;
  }

  async listDrafts(serviceId: string, includeClosed: boolean): Promise<DefinitionDraft[]> {
    const all = await this.ctx.store.listDrafts(serviceId);
    return includeClosed ? all : all.filter((d) => !d.discardedAt);
  }

  async getDraft(serviceId: string, draftId: string): Promise<DefinitionDraft> {
    const d = await this.ctx.store.getDraft(serviceId, draftId);
    if (!d) throw domainError('notFound', 'draft.unknown', `no draft "${draftId}" of ${serviceId}`);
    return d;
  }

  /**
   * The version as written, from what the client sent: an amendment (`basedOn`) as it is; a whole version as the
   * changes from the draft's base, each citing the draft's act item; or a list of changes alone.
   */
  private written(
    service: CompiledService,
    baseId: string,
    current: Record<string, unknown> | null,
    body: DraftBody,
    legalRef: LegalRef | null,
  ): Record<string, unknown> {
    // An amendment names its base and lists its changes; a whole version carries the form and the machine.
    if (isObject(body.version) && typeof body.version.basedOn === 'string' && !('machine' in body.version))
      return body.version;
    const base = service.versions.find((v) => v.id === baseId);
    if (!base) throw domainError('conflict', 'draft.baseGone', `the draft's base version "${baseId}" no longer exists`);
    const keep = current ?? {};
    if (isObject(body.version)) {
      const { own, changes } = changesBetween(
        this.written0(service.id, base.id),
        this.baseTemplatePaths(service.id, baseId, body.version),
        () => legalRef as LegalRef,
      );
      // A change made earlier and left as it was keeps the act item it cited then (the item is chosen once and kept
      // until changed, and changing it concerns the edits after); a new or edited change cites the draft's item now.
      const before = (Array.isArray(keep.changes) ? keep.changes : []) as ChangeDef[];
      const kept = (c: ChangeDef) =>
        before.find((b) => b.op === c.op && b.path === c.path && isDeepStrictEqual(b.value, c.value))?.legalRef;
      // A change without a citation is kept (so no work is lost) and reported by the check until the act is chosen.
      const cited = changes.map((c) => {
        const ref = kept(c) ?? legalRef;
        if (ref) return { ...c, legalRef: ref };
        const { legalRef: _none, ...rest } = c;
        return rest;
      });
      return { ...own, basedOn: baseId, changes: cited };
    }
    if (Array.isArray(body.changes)) return { ...keep, basedOn: baseId, changes: body.changes };
    return keep;
  }

  /** A version as the files (or an earlier publication) wrote it, before compiling filled anything in. */
  private written0(serviceId: string, versionId: string): Record<string, unknown> {
    const versions = (this.ctx.repo.assembled.get(serviceId)?.value as { versions?: VersionDef[] })?.versions;
    return (versions?.find((v) => v.id === versionId) ?? {}) as unknown as Record<string, unknown>;
  }

  private uniqueVersionId(service: CompiledService, drafts: DefinitionDraft[], from: string): string {
    const taken = new Set([...service.versions.map((v) => v.id), ...drafts.map((d) => String(d.definition.id))]);
    let n = 1;
    while (taken.has(`${from}-draft${n > 1 ? `-${n}` : ''}`)) n++;
    return `${from}-draft${n > 1 ? `-${n}` : ''}`;
  }

  async createDraft(user: StoredUser, serviceId: string, body: DraftBody): Promise<DraftView> {
    const { service } = this.base(serviceId);
    const base = this.latestPublished(service);
    const legalRef = legalRefIn(body) ?? null;
    const tomorrow = addCalendarDays(civilDateOf(this.ctx.now().getTime(), service.workingTime.timeZone), 1);
    const start: Record<string, unknown> = {
      id: this.uniqueVersionId(service, await this.ctx.store.listDrafts(serviceId), base.id),
      producedBy: base.def.producedBy,
      // Provisional: replaced by the date the publication gives.
      effectiveFrom: tomorrow,
      basedOn: base.id,
      changes: [],
    };
    const definition = this.written(service, base.id, start, body, legalRef);
    const at = this.ctx.now().toISOString();
    const draft: DefinitionDraft = {
      serviceId,
      id: this.ctx.newId(),
      rev: 1,
      definition,
      baseVersion: base.id,
      legalRef,
      scenarios: scenariosIn(body) ?? [],
      expectedFrom: typeof body.expectedFrom === 'string' && DATE.test(body.expectedFrom) ? body.expectedFrom : null,
      approvals: [],
      author: user.id,
      savedBy: user.id,
      note: typeof body.note === 'string' ? body.note : '',
      createdAt: at,
      updatedAt: at,
      publishedAt: null,
      discardedAt: null,
    };
    this.refuseUnsafe(serviceId, definition, draft.id);
    await this.ctx.store.saveDraft(draft, null);
    await this.audit(user, serviceId, 'definition.draft.create', { draftId: draft.id, rev: 1, basedOn: base.id });
    return this.view(serviceId, draft);
  }

  private open(d: DefinitionDraft): void {
    if (d.publishedAt)
      throw domainError('conflict', 'draft.published', 'a published version is immutable: draft a new version instead');
    if (d.discardedAt) throw domainError('conflict', 'draft.discarded', 'this draft was discarded');
  }

  /** The 409 of a save made from an older revision: what the other analyst changed since, so nothing is overwritten. */
  private async conflict(d: DefinitionDraft, fromRev: unknown): Promise<never> {
    const revisions = await this.ctx.store.listDraftRevisions(d.serviceId, d.id);
    const theirs = revisions.find((r) => r.rev === fromRev);
    const by = [
      ...new Set(revisions.filter((r) => typeof fromRev === 'number' && r.rev > fromRev).map((r) => r.savedBy)),
    ];
    throw domainError(
      'conflict',
      'draft.changed',
      `the draft was saved by someone else since revision ${String(fromRev)} (now revision ${d.rev}); reload it, then apply your edits again`,
      {
        params: { rev: d.rev, yourRev: fromRev, savedBy: by },
        extensions: {
          rev: d.rev,
          savedBy: by,
          savedByNames: Object.values(await this.namesOf(by)),
          changes: theirs ? diffJson(theirs.definition, d.definition) : [],
        },
      },
    );
  }

  private async save(user: StoredUser, d: DefinitionDraft, next: DefinitionDraft, action: string, details = {}) {
    if (!(await this.ctx.store.saveDraft(next, d.rev)))
      return this.conflict(await this.getDraft(d.serviceId, d.id), d.rev);
    await this.audit(user, d.serviceId, action, { draftId: d.id, rev: next.rev, ...details });
    return next;
  }

  async updateDraft(user: StoredUser, serviceId: string, draftId: string, body: DraftBody): Promise<DraftView> {
    const d = await this.getDraft(serviceId, draftId);
    this.open(d);
    if (typeof body.rev !== 'number')
      throw domainError('user', 'draft.revRequired', 'send the revision you edited: { "rev": <the draft\'s rev>, … }', {
        extensions: { errors: [{ pointer: '/rev', code: 'required', message: 'the revision the edit was made from' }] },
      });
    if (body.rev !== d.rev) return this.conflict(d, body.rev);
    const { service } = this.base(serviceId);
    const sent = legalRefIn(body);
    const legalRef = sent === undefined ? d.legalRef : sent;
    const next: DefinitionDraft = {
      ...d,
      legalRef,
      definition: this.written(
        service,
        d.baseVersion || String(d.definition.basedOn ?? ''),
        d.definition,
        body,
        legalRef,
      ),
      scenarios: scenariosIn(body) ?? d.scenarios,
      expectedFrom:
        body.expectedFrom === null
          ? null
          : typeof body.expectedFrom === 'string' && DATE.test(body.expectedFrom)
            ? body.expectedFrom
            : d.expectedFrom,
      note: typeof body.note === 'string' ? body.note : d.note,
    };
    // Citing the act item later cites the changes made before it that lack one.
    if (legalRef && Array.isArray(next.definition.changes))
      next.definition = {
        ...next.definition,
        changes: (next.definition.changes as ChangeDef[]).map((c) => (c.legalRef ? c : { ...c, legalRef })),
      };
    const same = (a: DefinitionDraft, b: DefinitionDraft) =>
      JSON.stringify([a.definition, a.legalRef, a.scenarios, a.expectedFrom, a.note]) ===
      JSON.stringify([b.definition, b.legalRef, b.scenarios, b.expectedFrom, b.note]);
    // A save that changes nothing makes no revision (an approval of this revision stays valid).
    if (same(d, next)) return this.view(serviceId, d);
    this.refuseUnsafe(serviceId, next.definition, d.id);
    const saved = await this.save(
      user,
      d,
      { ...next, rev: d.rev + 1, savedBy: user.id, updatedAt: this.ctx.now().toISOString() },
      'definition.draft.update',
      { changes: diffJson(d.definition, next.definition).length },
    );
    return this.view(serviceId, saved);
  }

  async discardDraft(user: StoredUser, serviceId: string, draftId: string): Promise<DraftView> {
    const d = await this.getDraft(serviceId, draftId);
    this.open(d);
    const at = this.ctx.now().toISOString();
    const saved = await this.save(
      user,
      d,
      { ...d, rev: d.rev + 1, savedBy: user.id, discardedAt: at, updatedAt: at },
      'definition.draft.discard',
    );
    return this.view(serviceId, saved);
  }

  async revisions(serviceId: string, draftId: string): Promise<DefinitionDraft[]> {
    await this.getDraft(serviceId, draftId);
    return this.ctx.store.listDraftRevisions(serviceId, draftId);
  }

  /**
   * A second user approves the exact revision they read: an analyst, or an officer acting as head, never the author.
   * A later save makes a new revision that needs its own approval.
   */
  async approve(user: StoredUser, serviceId: string, draftId: string, body: DraftBody): Promise<DraftView> {
    const d = await this.getDraft(serviceId, draftId);
    this.open(d);
    const mayApprove = user.roles.includes('analyst') || user.actorRoles.includes('head');
    if (!mayApprove) throw domainError('forbidden', 'draft.approverRole', 'an analyst or a head approves publications');
    if (user.id === d.author)
      throw domainError(
        'forbidden',
        'draft.ownApproval',
        'the author of a draft cannot approve it: a second analyst must',
      );
    if (body.rev !== d.rev) return this.conflict(d, body.rev);
    const at = this.ctx.now().toISOString();
    const next = { ...d, approvals: [...d.approvals, { rev: d.rev, by: user.id, at }] };
    // The approval belongs to this revision: it is written without making a new one.
    if (!(await this.ctx.store.saveDraft(next, d.rev)))
      return this.conflict(await this.getDraft(serviceId, draftId), d.rev);
    await this.audit(user, serviceId, 'definition.draft.approve', { draftId, rev: d.rev, author: d.author });
    return this.view(serviceId, next);
  }

  /** The check runs in the worker: compiling an analyst's draft must not stall the API (issue 16). */
  async check(serviceId: string, draftId: string): Promise<DraftCheck> {
    const d = await this.getDraft(serviceId, draftId);
    // A service that no longer compiles has no base to check against: 404 before any work.
    this.base(serviceId);
    const scenarios = await scenariosOf(this.ctx, serviceId, d);
    const open = await this.ctx.store.listApplications({
      serviceId,
      status: [...OPEN_STATUSES],
      limit: 200,
      offset: 0,
    });
    return this.inWorker<DraftCheck>(serviceId, d, {
      kind: 'check',
      scenarios,
      open: open.items,
      openTotal: open.total,
    });
  }

  /**
   * Publishes the approved revision as a new version. `effectiveFrom` is given, or computed from the publication date
   * of the amending act (published 1 February + 10 calendar days → in force from 12 February), or the draft's own
   * rule when its act's publication date is in the registry.
   */
  async publish(
    user: StoredUser,
    serviceId: string,
    draftId: string,
    body: DraftBody,
  ): Promise<{ version: string; effectiveFrom: string; rev: number }> {
    const d = await this.getDraft(serviceId, draftId);
    this.open(d);
    if (body.rev !== undefined && body.rev !== d.rev) return this.conflict(d, body.rev);
    const approval = d.approvals.find((a) => a.rev === d.rev && a.by !== d.author);
    if (!approval)
      throw domainError(
        'conflict',
        'draft.notApproved',
        `revision ${d.rev} of this draft has no approval by a second analyst; ask a colleague to approve it first`,
        { params: { rev: d.rev, approvedRevs: d.approvals.map((a) => a.rev) } },
      );
    const version = { ...d.definition };
    if (typeof body.effectiveFrom === 'string' && DATE.test(body.effectiveFrom))
      version.effectiveFrom = body.effectiveFrom;
    else if (typeof body.publishedOn === 'string' && DATE.test(body.publishedOn)) {
      const days = typeof body.calendarDays === 'number' ? body.calendarDays : 10;
      version.effectiveFrom = addCalendarDays(body.publishedOn, days + 1);
    }
    // Tried in the worker first (problems, date, scenarios); compiled here only once it is known to compile in time.
    const trial = await this.inWorker<PublicationTrial>(serviceId, d, {
      kind: 'publish',
      version,
      scenarios: await scenariosOf(this.ctx, serviceId, d),
    });
    const { blocking, failing } = trial;
    if (!trial.effective || blocking.length)
      throw domainError('definition', 'draft.invalid', `the draft has ${blocking.length} problem(s); fix them first`, {
        extensions: {
          errors: blocking.map((p) => ({ pointer: p.pointer ?? '', code: p.code, message: p.message })),
        },
      });
    const effective = trial.effective;
    if (!effective.effectiveFrom)
      throw domainError(
        'user',
        'draft.noDate',
        'the amending act has no publication date yet: enter it in the acts registry, or give "publishedOn" (YYYY-MM-DD) or "effectiveFrom"',
      );
    if (effective.fromMs <= this.ctx.now().getTime() - 86_400_000)
      throw domainError(
        'user',
        'draft.pastDate',
        `a new version cannot take effect in the past (${effective.effectiveFrom}); applications already registered keep their version`,
      );
    if (failing.length)
      throw domainError(
        'definition',
        'draft.scenariosFail',
        `${failing.length} scenario(s) fail on the new version; accept the new outcome where it is what the act says, or fix the draft`,
        { extensions: { scenarios: failing } },
      );
    const compiled = compileDraft(this.draftBase(serviceId), version, d.id).service;
    if (!compiled) throw domainError('definition', 'draft.invalid', 'the draft does not compile; check it again');
    const at = this.ctx.now().toISOString();
    const published: DefinitionDraft = { ...d, definition: version, publishedAt: at, updatedAt: at };
    if (!(await this.ctx.store.saveDraft(published, d.rev)))
      return this.conflict(await this.getDraft(serviceId, draftId), d.rev);
    this.apply(serviceId, version, d.id, compiled);
    await markPublished(this.ctx);
    await this.audit(user, serviceId, 'definition.publish', {
      draftId,
      rev: d.rev,
      version: version.id,
      author: d.author,
      approver: approval.by,
      acts: [...new Set(((version.changes as ChangeDef[] | undefined) ?? []).map((c) => c.legalRef?.act))],
      effectiveFrom: effective.effectiveFrom,
    });
    return { version: String(version.id), effectiveFrom: effective.effectiveFrom, rev: d.rev };
  }

  /**
   * "Received as expected": the scenario's expectation becomes what the engine now produces with the draft, kept in
   * the draft (a scenario of the files is copied into it) and published with it.
   */
  async acceptScenario(user: StoredUser, serviceId: string, draftId: string, body: DraftBody): Promise<DraftView> {
    const d = await this.getDraft(serviceId, draftId);
    this.open(d);
    if (body.rev !== d.rev) return this.conflict(d, body.rev);
    const file = typeof body.file === 'string' ? baseName(body.file) : '';
    const found = (await scenariosOf(this.ctx, serviceId, d)).find((s) => s.file === file);
    if (!found) throw domainError('notFound', 'scenario.unknown', `no scenario "${file}" in this service or draft`);
    const outcome = await this.inWorker<ScenarioRun>(serviceId, d, { kind: 'scenario', scenario: found.scenario });
    if (!outcome.compiles)
      throw domainError('definition', 'draft.invalid', 'the draft does not compile; fix its problems first');
    if (!outcome.result)
      throw domainError('definition', 'scenario.failed', outcome.error ?? 'the scenario does not run');
    const x = found.scenario.expect;
    const expect = acceptedExpectation(x, outcome.result);
    const scenario = { ...found.scenario, expect };
    const next = {
      ...d,
      scenarios: [...d.scenarios.filter((s) => baseName(s.file) !== file), { file, scenario }],
      rev: d.rev + 1,
      savedBy: user.id,
      updatedAt: this.ctx.now().toISOString(),
    };
    const saved = await this.save(user, d, next, 'scenario.accept', { file, before: x, after: expect });
    return this.view(serviceId, saved);
  }

  private apply(
    serviceId: string,
    version: VersionDef | Record<string, unknown>,
    draftId: string,
    compiled: CompiledService,
  ) {
    this.ctx.repo.assembled.set(serviceId, this.withDraft(serviceId, version as Record<string, unknown>, draftId));
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
        const { service, problems } = compileDraft(this.draftBase(serviceId), d.definition, d.id);
        if (!service) {
          this.ctx.log(
            `published version ${String(d.definition.id)} of ${serviceId} no longer compiles: ${problems.map((p) => p.message).join('; ')}`,
          );
          continue;
        }
        this.apply(serviceId, d.definition, d.id, service);
        applied++;
      }
    }
    return applied;
  }

  private audit(user: StoredUser, serviceId: string, action: string, details: Record<string, unknown>) {
    return this.ctx.store.appendAudit({
      at: this.ctx.now().toISOString(),
      userId: user.id,
      action,
      subject: `definition:${serviceId}`,
      details,
    });
  }
}

function refuseTooManyChanges(version: Record<string, unknown>, draftId: string): void {
  const count = Array.isArray(version.changes) ? version.changes.length : 0;
  if (count <= MAX_DRAFT_CHANGES) return;
  const pointer = `/changes/${MAX_DRAFT_CHANGES}`;
  const message = `draft:${draftId}${pointer}: the draft makes ${count} changes; a draft holds at most ${MAX_DRAFT_CHANGES} (an amending order changes tens of elements: split a rewrite into several versions)`;
  throw domainError('user', 'draft.tooManyChanges', message, {
    file: `draft:${draftId}`,
    pointer,
    params: { count, max: MAX_DRAFT_CHANGES },
    extensions: { errors: [{ pointer, code: 'maxItems', message: `at most ${MAX_DRAFT_CHANGES} changes` }] },
  });
}
