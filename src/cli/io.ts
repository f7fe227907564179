import { isPlanYear, YEAR_RANGE_TEXT } from "../core/limits";

/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The time stamped on computed sheets; fixed in tests. */
  now(): Date;
}

export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

/** Parses `cmd FILE --flag --key value` against the options a command accepts. */
export function parseArgs(
  argv: readonly string[],
  valueOptions: readonly string[],
  flags: readonly string[]
): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (flags.includes(name)) options.set(name, true);
    else if (valueOptions.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--"))
        throw new UsageError(`--${name} behöver ett värde`);
      options.set(name, value);
    } else throw new UsageError(`okänd flagga ${arg}`);
  }
  return { positional, options };
}

export function yearOption(args: ParsedArgs, name: string): number | undefined {
  const v = args.options.get(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v === true || !isPlanYear(n))
    throw new UsageError(
      `--${name} ska vara ett år ${YEAR_RANGE_TEXT}, t.ex. 2021 (fick ${String(v)})`
    );
  return n;
}

/** Local time stamp as Swedish reports write it: 2026-11-22 14:05. */
export function stamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}`;
}
