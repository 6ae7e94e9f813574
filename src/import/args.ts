/** A command line that cannot be run; the message says what to type instead. */
export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/** `--name value`, `--name=value` and bare `--name` (when `booleans` lists it); everything else is positional. */
export function parseArgs(argv: string[], known: { values: string[]; booleans: string[] }): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (known.booleans.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    } else if (known.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else {
      const all = [...known.values, ...known.booleans].map((k) => `--${k}`).join(', ');
      throw new UsageError(`unknown option --${name}${all ? ` (known: ${all})` : ''}`);
    }
  }
  return { positional, flags };
}

export function positiveInt(value: string | true | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value === true || !Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number of at least 1, got "${value}"`);
  return n;
}

/** Runs a command's main: its return value is the exit code; a usage error is shown with the usage text. */
export function runCommand(main: (argv: string[]) => Promise<number>, usage: string): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) console.error(`${error.message}\n\n${usage}`);
      else console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}

/** "14 films, 67 people, …": per-section counts as the commands print them. */
export function describeCounts(counts: object): string {
  return Object.entries(counts as Record<string, number>)
    .map(([section, count]) => `${count.toLocaleString('en-US')} ${section}`)
    .join(', ');
}
