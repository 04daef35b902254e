import type Database from 'better-sqlite3';
import type { DefinitionDraft, DraftsStore } from '../Store';
import type { SqliteConnection } from './connection';
import type { RecordTable } from './portable';
import { draftFromRow, draftParams, type Row } from './rows';

/** Drafts of new versions; every save is also kept whole as a numbered revision. */
export class SqliteDrafts implements DraftsStore {
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;
  private readonly insertRevision: Database.Statement;
  private readonly listRevisions: Database.Statement;
  private readonly getOne: Database.Statement;
  private readonly listByService: Database.Statement;
  private readonly save: (draft: DefinitionDraft, expectedRev: number | null) => boolean;

  constructor(private readonly connection: SqliteConnection) {
    const { db } = connection;
    this.insert = db.prepare(`INSERT INTO definition_drafts
          (service_id, id, rev, definition, extra, author, note, created_at, updated_at, updated_at_ms, published_at)
        VALUES (@service_id, @id, @rev, @definition, @extra, @author, @note, @created_at, @updated_at, @updated_at_ms,
          @published_at)
        ON CONFLICT (service_id, id) DO NOTHING`);
    this.update =
      db.prepare(`UPDATE definition_drafts SET rev = @rev, definition = @definition, extra = @extra, note = @note,
          updated_at = @updated_at, updated_at_ms = @updated_at_ms, published_at = @published_at
        WHERE service_id = @service_id AND id = @id AND rev = @expected_rev`);
    this.insertRevision =
      db.prepare(`INSERT OR REPLACE INTO definition_draft_revisions (service_id, draft_id, rev, draft, saved_at)
        VALUES (?, ?, ?, ?, ?)`);
    this.listRevisions = db.prepare(
      'SELECT draft FROM definition_draft_revisions WHERE service_id = ? AND draft_id = ? ORDER BY rev',
    );
    this.getOne = db.prepare('SELECT * FROM definition_drafts WHERE service_id = ? AND id = ?');
    this.listByService = db.prepare(
      'SELECT * FROM definition_drafts WHERE service_id = ? ORDER BY updated_at_ms DESC, id',
    );
    this.save = db.transaction((draft: DefinitionDraft, expectedRev: number | null) => {
      const params = draftParams(draft);
      const written =
        expectedRev === null
          ? this.insert.run(params).changes
          : this.update.run({ ...params, expected_rev: expectedRev }).changes;
      if (written !== 1) return false;
      this.writeRevision(draft);
      return true;
    });
  }

  saveDraft(draft: DefinitionDraft, expectedRev: number | null): Promise<boolean> {
    return this.connection.write(() => this.save(draft, expectedRev));
  }

  getDraft(serviceId: string, id: string): Promise<DefinitionDraft | undefined> {
    return this.connection.run(() => {
      const r = this.getOne.get(serviceId, id) as Row | undefined;
      return r && draftFromRow(r);
    });
  }

  /** Most recently updated first. */
  listDrafts(serviceId: string): Promise<DefinitionDraft[]> {
    return this.connection.run(() => (this.listByService.all(serviceId) as Row[]).map(draftFromRow));
  }

  listDraftRevisions(serviceId: string, id: string): Promise<DefinitionDraft[]> {
    return this.connection.run(() => this.revisionsOf(serviceId, id));
  }

  private revisionsOf(serviceId: string, id: string): DefinitionDraft[] {
    return (this.listRevisions.all(serviceId, id) as Row[]).map((r) => JSON.parse(r.draft as string));
  }

  private writeRevision(draft: DefinitionDraft): void {
    this.insertRevision.run(draft.serviceId, draft.id, draft.rev, JSON.stringify(draft), draft.updatedAt);
  }

  readonly recordTables: [RecordTable<'draft'>] = [
    {
      kind: 'draft',
      table: 'definition_drafts',
      fromRow: (row) => {
        const draft = draftFromRow(row);
        return { kind: 'draft', draft, revisions: this.revisionsOf(draft.serviceId, draft.id) };
      },
      write: ({ draft, revisions }) => {
        this.insert.run(draftParams(draft));
        for (const revision of revisions) this.writeRevision(revision);
      },
    },
  ];
}
