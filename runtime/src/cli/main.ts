import { Command, CommanderError } from 'commander';
import { findDefinitionsRoot, loadCalendars } from '../registry/loadRepository';
import { calendarCommand } from './calendar.command';
import { coverageCommand } from './coverage.command';
import { deadlineCommand } from './deadline.command';
import { exportCommand } from './export.command';
import { newCommand } from './new.command';
import { simulateCommand } from './simulate.command';
import { storeCommand } from './store.command';
import { testCommand } from './test.command';
import { validateCommand } from './validate.command';
import { serveCommand } from './serve.command';

/**
 * The `qyzmet` command line. Each command lives in its own file and reports its exit code through setExit; a
 * mistake in the arguments exits 1 with commander's message, never a stack trace.
 */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command('qyzmet')
    .description('Qyzmet: state services of Kazakhstan declared as JSON')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const calendars = {
    loadWorkingTime: (scheduleId = 'provider-default') => {
      const { workingTime } = loadCalendars(findDefinitionsRoot());
      const wt = workingTime(scheduleId);
      if (!wt) throw new Error(`no schedule "${scheduleId}" in definitions/calendars/schedules`);
      return wt;
    },
  };
  validateCommand(program, setExit);
  testCommand(program, setExit);
  simulateCommand(program, setExit);
  newCommand(program, setExit);
  coverageCommand(program, setExit);
  exportCommand(program, setExit);
  calendarCommand(program, calendars);
  deadlineCommand(program, calendars);
  serveCommand(program, setExit);
  storeCommand(program, setExit);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
    throw e;
  }
  return typeof process.exitCode === 'number' && process.exitCode !== 0 ? process.exitCode : exitCode;
}
