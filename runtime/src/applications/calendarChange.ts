import { createHash } from 'node:crypto';
import { OPEN_STATUSES, recomputeDeadlines } from '@qyzmet/engine';
import { nowIso, type RuntimeContext } from '../runtimeContext';

const META_KEY = 'calendar.fingerprint';
const NOT_REPLAYED =
  'moved by a suspension or an extension before such moves were recorded: its due instant stays as computed on the ' +
  'previous calendar; check it by hand';

/** A fingerprint of the calendars and schedules the due instants are computed with. */
export function calendarFingerprint(ctx: RuntimeContext): string {
  const data = JSON.stringify([[...ctx.repo.calendars.entries()].sort(), [...ctx.repo.schedules.entries()].sort()]);
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}

/**
 * At start: when the calendar differs from the one the stored due instants were computed with (a government act
 * transferred days off, a holiday was added), every open application's open deadlines are re-computed by replaying
 * their history on the new calendar (start, suspensions, resumptions, extensions: recomputeDeadlines), and each change
 * is recorded in the audit trail with the reason and the new explanation. A deadline that cannot be replayed (moved
 * before its history was recorded) keeps its due instant, and the audit trail says so.
 */
export async function recomputeAfterCalendarChange(
  ctx: RuntimeContext,
): Promise<{ applications: number; deadlines: number }> {
  const now = calendarFingerprint(ctx);
  const before = await ctx.store.getMeta(META_KEY);
  let changedApps = 0;
  let changedDeadlines = 0;
  if (before !== undefined && before !== now) {
    const reason = `the working calendar changed (${before} → ${now})`;
    for (let offset = 0; ; offset += 500) {
      const page = await ctx.store.listApplications({
        status: [...OPEN_STATUSES],
        limit: 500,
        offset,
      });
      for (const app of page.items) {
        const version = ctx.repo.services.get(app.serviceId)?.versions.find((v) => v.id === app.version);
        if (!version) continue;
        const { application, changes, skipped } = recomputeDeadlines(version, app.snapshot);
        const at = nowIso(ctx, version.service);
        if (changes.length === 0) {
          if (skipped.length)
            await ctx.store.appendAudit({
              at,
              userId: null,
              action: 'deadline.notRecomputed',
              subject: `application:${app.id}`,
              details: { deadlines: skipped, reason, why: NOT_REPLAYED },
            });
          continue;
        }
        const stored = {
          ...app,
          rev: app.rev + 1,
          snapshot: application,
          dueAt: application.deadlines.find((d) => d.id === 'service')?.dueAt ?? null,
          updatedAt: at,
        };
        const audit = changes.map((c) => ({
          at,
          userId: null,
          action: 'deadline.recomputed',
          subject: `application:${app.id}`,
          details: {
            deadline: c.id,
            from: c.from,
            to: c.to,
            reason,
            notRecomputed: skipped,
            ...(skipped.length ? { notRecomputedWhy: NOT_REPLAYED } : {}),
            explanation: c.explanation.map((e) => e.text.en),
          },
        }));
        if (await ctx.store.updateApplication(stored, app.rev, [], [], audit)) {
          changedApps++;
          changedDeadlines += changes.length;
        }
      }
      if (page.items.length < 500) break; // totals are capped: page until a short page, not by the total
    }
  }
  await ctx.store.setMeta(META_KEY, now);
  return { applications: changedApps, deadlines: changedDeadlines };
}
