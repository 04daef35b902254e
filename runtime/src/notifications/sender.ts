import type { Lang } from '@qyzmet/engine';
import type { RuntimeContext } from '../runtimeContext';

/** How a message reaches an applicant: an e-mail address or a mobile number (+7…). */
export type Channel = 'email' | 'sms';
export const CHANNELS: readonly Channel[] = ['email', 'sms'];

export interface OutgoingMessage {
  channel: Channel;
  /** The address or number as the user gave it (a sender masks it in whatever it writes down). */
  to: string;
  text: string;
  lang: Lang;
  /** The application the message is about: the audit trail files it under `application:<id>`. */
  applicationId: string;
  at: string;
}

/**
 * A delivery gateway. Real gateways (an SMTP relay, an SMS provider) are out of scope: one implements `send` (reject
 * on failure; the notifier logs it and never retries into a request) and is given to the notifier for its channel —
 * `applications.notifications.use('sms', new MySmsGateway(...))` — usually wrapped with `alsoLogged` so the
 * application's notification log (GET /applications/:id/notifications) still lists what was sent.
 */
export interface NotificationSender {
  send(message: OutgoingMessage): Promise<void>;
}

/** An address as the log shows it: enough to recognise, not enough to use ("ai***@example.kz", "+7 *** *** 56 78"). */
export function maskAddress(channel: Channel, to: string): string {
  if (channel === 'sms') {
    const digits = to.replace(/\D/g, '');
    return `+7 *** *** ${digits.slice(-4, -2)} ${digits.slice(-2)}`;
  }
  const at = to.lastIndexOf('@');
  const local = to.slice(0, at);
  return `${local.slice(0, Math.min(2, Math.max(1, local.length - 1)))}***${to.slice(at)}`;
}

/**
 * The default sender: delivers nothing, writes each message to the audit trail as `notification.sent` {channel, to
 * (masked), text} under the application, and a line to the runtime log.
 */
export class LogSender implements NotificationSender {
  constructor(private readonly ctx: RuntimeContext) {}

  async send(message: OutgoingMessage): Promise<void> {
    const to = maskAddress(message.channel, message.to);
    await this.ctx.store.appendAudit({
      at: message.at,
      userId: null,
      action: 'notification.sent',
      subject: `application:${message.applicationId}`,
      details: { channel: message.channel, to, text: message.text },
    });
    this.ctx.log(`notification (${message.channel} to ${to}): ${message.text}`);
  }
}

/** A gateway whose messages are also written to the log (the audit trail the applicant and officers read). */
export function alsoLogged(gateway: NotificationSender, ctx: RuntimeContext): NotificationSender {
  const log = new LogSender(ctx);
  return {
    async send(message) {
      await gateway.send(message);
      await log.send(message);
    },
  };
}
