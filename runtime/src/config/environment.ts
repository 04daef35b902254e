/**
 * Settings an operator gives the runtime through the environment. A value set wrong is a ConfigError naming the
 * variable and what it should be: `qyzmet serve` prints it and exits 1, never an "internal error" or a silent default.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * A positive number from `env[name]` in `unit` (whole unless `fractions`): the fallback when unset or empty, a
 * ConfigError when anything else.
 */
export function positiveFromEnv<T extends number | undefined>(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: T,
  unit: string,
  options: { fractions?: boolean } = {},
): number | T {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (n > 0 && Number.isFinite(n) && (options.fractions || Number.isInteger(n))) return n;
  throw new ConfigError(`${name} "${raw}" is not a positive ${options.fractions ? '' : 'whole '}number of ${unit}`);
}
