import { BalansError } from "../core/problems";
import { demoCommand } from "./commands/demo";
import { effectsCommand } from "./commands/effects";
import { importCommand } from "./commands/import";
import { reportCommand } from "./commands/report";
import { transfersCommand } from "./commands/transfers";
import { CliIo, UsageError } from "./io";
import { COMMAND_USAGE, USAGE, version } from "./usage";

const COMMANDS: Record<string, (argv: readonly string[], io: CliIo) => Promise<number>> = {
  demo: demoCommand,
  effects: effectsCommand,
  transfers: transfersCommand,
  report: reportCommand,
  import: importCommand,
};

/**
 * Runs one command. Exit codes: 0 done (row problems are reported, not fatal), 1 the workbook or
 * file cannot be used (unreadable, missing table or column, cannot be written), 2 the command
 * line is wrong. Every failure is one line on stderr, never a stack trace.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v" || name === "version") {
    io.out(`balans ${version()}`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`balans: okänt kommando »${name}«\n${USAGE}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(COMMAND_USAGE[name]);
    return 0;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`balans ${name}: ${error.message}`);
      return 2;
    }
    io.err(`balans ${name}: ${failureLine(error)}`);
    return 1;
  }
}

/** One line for a failure: Balans' own message, a file system error in words, or the message. */
export function failureLine(error: unknown): string {
  if (error instanceof BalansError) return oneLine(error.message);
  const e = error as NodeJS.ErrnoException;
  const where = e?.path ? ` ${e.path}` : "";
  switch (e?.code) {
    case "ENOENT":
      return `filen eller mappen${where} finns inte`;
    case "EACCES":
    case "EPERM":
      return `saknar behörighet till${where || " filen"}`;
    case "EISDIR":
      return `${where.trim() || "sökvägen"} är en mapp, ingen fil`;
    case "ENOTDIR":
      return `${where.trim() || "sökvägen"} går genom något som inte är en mapp`;
    case "ENOSPC":
      return "disken är full";
    case "EROFS":
      return `${where.trim() || "filen"} ligger på en skrivskyddad disk`;
  }
  const message = e instanceof Error ? e.message : String(error);
  return `oväntat fel: ${oneLine(message)}`;
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ").trim();

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  now: () => new Date(),
};
