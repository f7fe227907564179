import { Problem, severityOf, withSeverity } from "../core/problems";
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

/** `4 problem`, `2 problem och 1 anmärkning`: errors and notices counted apart. */
export function problemCount(problems: readonly Problem[]): string {
  const notices = problems.filter((p) => severityOf(p) === "notice").length;
  const errors = problems.length - notices;
  const noticeText = `${notices} ${notices === 1 ? "anmärkning" : "anmärkningar"}`;
  if (notices === 0) return `${errors} problem`;
  return errors === 0 ? noticeText : `${errors} problem och ${noticeText}`;
}
