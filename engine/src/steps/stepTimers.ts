/**
 * When a step timer is judged. A step norm ("the message is shown within 30 seconds") is kept by a step that ends at
 * or before its due instant: only a step still running after that instant is late. A norm that times one branch of
 * a state (`leadsTo`: action 5's refusal message, not action 4's way on) says nothing while the state runs, since
 * the branch is not known yet; it is judged when the state is left: late only when the application goes to one of
 * its states after the due instant.
 */
export interface PendingTimer {
  dueAt: string;
  /** The transition the timer takes when it expires; absent for a norm that only marks the step overdue. */
  target?: string;
  /** The states whose branch the norm times (judged on leaving the state). */
  leadsTo?: string[];
  overdue?: boolean;
}

/**
 * Whether the timer expires before `untilMs` (an event at `untilMs` itself comes first: a step finished at its due
 * instant is on time). A branch norm never expires while its state runs.
 *
 * @example
 * timerExpiresBefore({ dueAt: '2013-07-13T14:03:00+06:00' }, Date.parse('2013-07-13T14:03:00+06:00')); // false
 */
export function timerExpiresBefore(t: PendingTimer, untilMs: number): boolean {
  return !t.overdue && !t.leadsTo?.length && Date.parse(t.dueAt) < untilMs;
}

/**
 * What leaving the timer's state for `to` at `atMs` makes of a pending timer: 'overdue' for a branch norm whose
 * branch is taken after its due instant, 'cancel' otherwise (a norm already marked overdue stays as it was: null).
 *
 * @example
 * const a5 = { dueAt: '2013-07-13T14:03:00+06:00', leadsTo: ['eds-refused'] };
 * timerOnExit(a5, 'signing', Date.parse('2013-07-13T14:04:00+06:00')); // 'cancel': action 4's way on, not action 5
 */
export function timerOnExit(t: PendingTimer, to: string, atMs: number): 'overdue' | 'cancel' | null {
  if (t.overdue) return null;
  if (t.leadsTo?.includes(to) && atMs > Date.parse(t.dueAt)) return 'overdue';
  return 'cancel';
}
