import type { Command } from 'commander';
import {
  addDuration,
  formatInstant,
  isProblemError,
  parseDuration,
  parseInstant,
  registrationInstant,
  type Explanation,
  type WorkingTime,
} from '@qyzmet/engine';
import { printJson } from './output';

type Lang = 'kk' | 'ru' | 'en';

/**
 * `qyzmet deadline --from <ISO instant> --duration "<n> <unit>" [--schedule id] [--json]`: registers an application
 * arriving at `from` under the schedule, adds the term, and explains each step (DESIGN.md contract
 * `{ from, registeredAt, dueAt, explanation }`, plus `provisional` when the term crosses days computed from the
 * statutes; the explanation lists registration steps, then the term's).
 */
export function deadlineCommand(program: Command, ctx: { loadWorkingTime(scheduleId?: string): WorkingTime }): void {
  program
    .command('deadline')
    .description('when a term ends: registration of an application arriving at --from, plus --duration')
    .requiredOption('--from <instant>', 'arrival instant, ISO 8601 with offset, e.g. 2025-06-03T18:31:00+05:00')
    .requiredOption(
      '--duration <duration>',
      '"<n> <unit>", unit: workingDays, calendarDays, months, workingHours, minutes',
    )
    .option('--schedule <id>', 'working schedule id (definitions/calendars/schedules)', 'provider-default')
    .option('--json', 'print the contract JSON')
    .option('--lang <lang>', 'language of the human output: kk, ru, en', 'en')
    .action((opts: { from: string; duration: string; schedule: string; json?: boolean; lang?: string }) => {
      const lang = (['kk', 'ru', 'en'].includes(opts.lang ?? '') ? opts.lang : 'en') as Lang;
      try {
        const from = parseInstant(opts.from);
        const duration = parseDuration(opts.duration);
        const wt = ctx.loadWorkingTime(opts.schedule);
        const reg = registrationInstant(wt, from);
        const due = addDuration(wt, reg.registeredAt, duration);
        const explanation: Explanation[] = [...reg.explanation, ...due.explanation];
        const out = {
          from: formatInstant(wt, from),
          registeredAt: formatInstant(wt, reg.registeredAt),
          dueAt: formatInstant(wt, due.dueAt),
          provisional: reg.provisional || due.provisional,
          explanation,
        };
        if (opts.json) {
          printJson(out);
          return;
        }
        const mark: Record<Lang, string> = { kk: ' (алдын ала)', ru: ' (предварительно)', en: ' (provisional)' };
        const p = out.provisional ? mark[lang] : '';
        const head: Record<Lang, string> = {
          kk: `Тіркелді: ${out.registeredAt}; мерзім (${opts.duration}) аяқталады: ${out.dueAt}${p}`,
          ru: `Зарегистрировано: ${out.registeredAt}; срок (${opts.duration}) истекает: ${out.dueAt}${p}`,
          en: `Registered ${out.registeredAt}; ${opts.duration} → due ${out.dueAt}${p}`,
        };
        process.stdout.write([head[lang], ...explanation.map((e) => `  ${e.text[lang]}`)].join('\n') + '\n');
      } catch (e) {
        const code = isProblemError(e) ? e.problem.code : 'deadline.failed';
        const text = isProblemError(e)
          ? ((e.problem.params?.text as Record<Lang, string> | undefined)?.[lang] ?? e.problem.message)
          : (e as Error).message;
        if (opts.json) printJson({ error: { code, message: text } });
        process.stderr.write(`qyzmet: ${text}\n`);
        process.exitCode = 1;
      }
    });
}
