import { BalansError } from "../core/problems";
import { demoCommand } from "./commands/demo";
import { effectsCommand } from "./commands/effects";
import { importCommand } from "./commands/import";
import { reportCommand } from "./commands/report";
import { transfersCommand } from "./commands/transfers";
import { CliIo, UsageError } from "./io";

const USAGE = `Användning: balans KOMMANDO [flaggor]

  demo [--out FIL.xlsx]                       skriver exempelarbetsboken (Linköpings åtgärdsplan 2020)
  effects FIL.xlsx [--from ÅR] [--to ÅR] [--delay ID=MÅN]… [--scale ID=PROCENT]… [--json]
                                              besparing per åtgärd och år, restunderskott;
                                              med --delay/--scale ett scenario bredvid planen
  transfers FIL.xlsx --month ÅÅÅÅ-MM [--json] socialnämndens saldo av överförda medel
  report FIL.xlsx --month ÅÅÅÅ-MM --out UT.xlsx [--json]
                                              månadsrapporten, skriven i en kopia av arbetsboken
  import PLAN.txt --out PLAN.xlsx [--json]    läser en åtgärdsplans text till tabellen Atgarder

Med --json skrivs ett JSON-dokument och inget annat. Mer: README.md.`;

const COMMANDS: Record<string, (argv: readonly string[], io: CliIo) => Promise<number>> = {
  demo: demoCommand,
  effects: effectsCommand,
  transfers: transfersCommand,
  report: reportCommand,
  import: importCommand,
};

/**
 * Runs one command. Exit codes: 0 done (row problems are reported, not fatal), 1 the workbook
 * cannot be used (unreadable, missing table or column), 2 the command line is wrong.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`balans: okänt kommando »${name}«\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`balans ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof BalansError) {
      io.err(`balans ${name}: ${error.message}`);
      return 1;
    }
    io.err(`balans ${name}: oväntat fel: ${(error as Error).stack ?? String(error)}`);
    return 70;
  }
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  now: () => new Date(),
};
