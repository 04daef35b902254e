import type { CompiledVersion } from '@qyzmet/engine';
import type { RuntimeContext } from '../runtimeContext';
import type { StoredApplication } from '../store/Store';
import { readPreferences } from './preferences';
import { CHANNELS, LogSender, type Channel, type NotificationSender } from './sender';
import { statusMessage } from './texts';

/**
 * Turns the committed status changes of applications into messages to their applicants, one per channel they opted
 * into (GET/PUT /me/notifications), in their language. The applications service calls `changed` after the store
 * accepted the change, on the instance that made it: each change is notified once however many instances run. The
 * sending runs after the answer is on its way: a slow or failing gateway never slows or fails the request, and a
 * failure is written to the runtime log.
 */
export class Notifier {
  private readonly senders: Record<Channel, NotificationSender>;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly ctx: RuntimeContext) {
    const log = new LogSender(ctx);
    this.senders = { email: log, sms: log };
  }

  /** Plugs a gateway in for a channel (see NotificationSender). */
  use(channel: Channel, sender: NotificationSender): void {
    this.senders[channel] = sender;
  }

  /**
   * A change committed: `before` null for a new application. Nothing when neither the status nor the step changed
   * (the timers of a step that only mark it overdue). Returns at once.
   */
  changed(version: CompiledVersion, before: StoredApplication | null, after: StoredApplication): void {
    if (before && before.status === after.status && before.state === after.state) return;
    const p = this.deliver(version, before === null, after)
      .catch((e: unknown) =>
        this.ctx.log(`notification of application ${after.id} failed: ${(e as Error)?.message ?? String(e)}`),
      )
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Resolves when every message begun so far has been sent or has failed (for an orderly stop and for tests). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  private async deliver(version: CompiledVersion, submitted: boolean, app: StoredApplication): Promise<void> {
    const prefs = await readPreferences(this.ctx, app.applicantId);
    const channels = CHANNELS.filter((c) => prefs[c]);
    if (!channels.length) return;
    const text = statusMessage(version, app.snapshot, app.number ?? app.snapshot.number ?? null, submitted, prefs.lang);
    const at = app.updatedAt;
    const failures: string[] = [];
    for (const channel of channels) {
      try {
        await this.senders[channel].send({
          channel,
          to: prefs[channel]!,
          text,
          lang: prefs.lang,
          applicationId: app.id,
          at,
        });
      } catch (e) {
        failures.push(`${channel}: ${(e as Error)?.message ?? String(e)}`);
      }
    }
    if (failures.length) throw new Error(failures.join('; '));
  }
}
