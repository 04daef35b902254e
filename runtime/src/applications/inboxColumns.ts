import { FINAL_STATUSES, workingTimeBetween, type CompiledVersion } from '@qyzmet/engine';
import type { StoredApplication, StoredUser, UsersStore } from '../store/Store';

/**
 * What an inbox line and an application page show beside the engine's state, so that an officer tells applications
 * apart and sees what is left (C2): who applied, what about, who took it, and the working time to the due instant.
 */
export interface InboxColumns {
  /** The applicant as the form's x-identity fields give them; null when the form marks none. */
  applicant: { name: string; id: string | null } | null;
  /** What the application is about (the form's x-summary fields), in kk, ru, en. */
  object: { kk: string; ru: string; en: string } | null;
  /** The officer who took it; null when nobody has (and always for an applicant: who works on it is internal). */
  assignee: { id: string; displayName: string } | null;
  /**
   * Working time from now to the due instant on the provider's calendar (whole working days, then hours and minutes);
   * when overdue, the working time past it. Null without a due instant, once closed, or outside the calendar's data.
   */
  timeLeft: { overdue: boolean; workingDays: number; workingHours: number; workingMinutes: number } | null;
}

/** Provider-side users see who took an application; the applicant does not. */
function worksOnApplications(user: StoredUser): boolean {
  return user.roles.includes('officer') || user.roles.includes('admin');
}

export function inboxColumns(
  app: StoredApplication,
  user: StoredUser,
  version: CompiledVersion,
  nowMs: number,
  names: OfficerNames,
): InboxColumns {
  const s = app.summary ?? null;
  const assigneeId = app.assigneeId ?? null;
  return {
    applicant:
      s && (s.applicantName !== null || s.applicantId !== null)
        ? { name: s.applicantName ?? '', id: s.applicantId }
        : null,
    object: s?.object ?? null,
    assignee:
      assigneeId !== null && worksOnApplications(user) ? { id: assigneeId, displayName: names.name(assigneeId) } : null,
    timeLeft: timeLeft(app, version, nowMs),
  };
}

/**
 * While the term is suspended (the applicant is asked for something) it does not run: what is left is what was left
 * when it was suspended, and it is not overdue.
 */
function timeLeft(app: StoredApplication, version: CompiledVersion, nowMs: number): InboxColumns['timeLeft'] {
  if (app.dueAt === null || FINAL_STATUSES.includes(app.status)) return null;
  const dueMs = Date.parse(app.dueAt);
  const term = app.snapshot.deadlines?.find((d) => d.id === 'service');
  const fromMs = term?.status === 'suspended' && term.suspendedAt ? Date.parse(term.suspendedAt) : nowMs;
  const overdue = dueMs < fromMs;
  try {
    const span = overdue
      ? workingTimeBetween(version.service.workingTime, dueMs, fromMs)
      : workingTimeBetween(version.service.workingTime, fromMs, dueMs);
    return { overdue, ...span };
  } catch {
    // An instant outside the calendar's data (calendar.outOfCoverage): no figure rather than a wrong one.
    return null;
  }
}

/**
 * Display names of the officers applications are assigned to, read once per officer (users are never renamed
 * through the API). `load` before rendering; a name not loaded reads as the empty string.
 */
export class OfficerNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly users: Pick<UsersStore, 'getUser'>) {}

  async load(apps: ReadonlyArray<Pick<StoredApplication, 'assigneeId'>>): Promise<void> {
    const missing = new Set<string>();
    for (const a of apps) if (a.assigneeId && !this.names.has(a.assigneeId)) missing.add(a.assigneeId);
    for (const id of missing) {
      const u = await this.users.getUser(id);
      if (u) this.names.set(id, u.displayName);
    }
  }

  remember(user: StoredUser): void {
    this.names.set(user.id, user.displayName);
  }

  name(id: string): string {
    return this.names.get(id) ?? '';
  }
}
