import { Problem, withSeverity } from "../core/problems";
import { CliIo } from "./io";

/** Problems as the JSON lists them: each with its severity (`error` or `notice`). */
export function problemsJson(problems: readonly Problem[]) {
  return problems.map(withSeverity);
}

/**
 * The structural errors of the tables a command used (see structuralProblems): each one line on
 * stderr after the command wrote what it could; exit 1 when there is any.
 */
export function reportTableErrors(io: CliIo, command: string, errors: readonly Problem[]): number {
  for (const e of errors) io.err(`balans ${command}: ${e.message}`);
  return errors.length ? 1 : 0;
}
