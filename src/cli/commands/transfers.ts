import { readXlsxTables } from "../../adapters/xlsx/readTables";
import { toIsoDate } from "../../core/dates";
import { NO_CATEGORY } from "../../core/insatser";
import { monthLabel, parseMonthArgument, YearMonth } from "../../core/months";
import { describeProblem, Problem } from "../../core/problems";
import { coverageProblems, transferStatus, TransferStatus } from "../../core/transfers";
import {
  readBalansWorkbook,
  requireLedger,
  structuralProblems,
  TABLE_NAMES,
} from "../../core/workbook";
import { CliIo, ParsedArgs, parseArgs, UsageError } from "../io";
import { problemCount, problemsJson, reportTableErrors } from "../problemsOut";
import { formatAmount, renderTable } from "../terminalTable";

export function monthOption(args: ParsedArgs): YearMonth {
  const v = args.options.get("month");
  if (v === undefined || v === true)
    throw new UsageError("ange månaden med --month ÅÅÅÅ-MM, t.ex. --month 2018-08");
  const at = parseMonthArgument(v);
  if (!at)
    throw new UsageError(`--month ska vara ÅÅÅÅ-MM med månad 01–12, t.ex. 2018-08 (fick ${v})`);
  return at;
}

/** The `transfers` JSON document of the workbook contract (amounts in Overforingar's unit). */
export function transfersJson(s: TransferStatus, problems?: Problem[]) {
  return {
    month: monthLabel(s),
    unit: s.unit,
    transferredToDate: s.transferredToDate,
    costsToDate: s.costsToDate,
    balance: s.balance,
    forecastYearEnd: s.forecastYearEnd,
    costSource: s.costSource,
    byCategory: s.byCategory.map((c) => ({
      category: c.category,
      transferredToDate: c.transferredToDate,
      costsToDate: c.costsToDate,
      balance: c.balance,
      forecastYearEnd: c.forecastYearEnd,
      ordered: c.ordered ?? null,
    })),
    agreementsSigned: s.agreementsSigned.map((a) => ({
      id: a.id,
      category: a.category,
      provider: a.provider,
      signed: toIsoDate(a.signed),
      start: toIsoDate(a.start),
      scope: a.scope,
      monthlyCost: a.monthlyCost,
    })),
    ...(problems ? { problems: problemsJson(problems) } : {}),
  };
}

export function renderTransfers(s: TransferStatus, problems: Problem[]): string {
  const rows: (string | number | null)[][] = s.byCategory.map((c) => [
    c.category || NO_CATEGORY,
    c.ordered ?? null,
    c.transferredToDate,
    c.costsToDate,
    c.balance,
    c.forecastYearEnd,
  ]);
  rows.push([
    "SUMMA",
    s.orderTotal ?? null,
    s.transferredToDate,
    s.costsToDate,
    s.balance,
    s.forecastYearEnd,
  ]);
  const lines = [
    `Överförda medel ON → SN t.o.m. ${monthLabel(s)} (${s.unit}; kostnader från ${s.costSource === "Kostnader" ? "tabellen Kostnader" : "avtalens månadskostnad"})`,
    renderTable(
      ["Verksamhet", "Beställt", "Överfört", "Kostnader", "Saldo", "Prognos årets slut"],
      rows,
      1,
      (v) => formatAmount(v, 2)
    ),
    "",
    `Särskilda avtal tecknade ${monthLabel(s)}: ${s.agreementsSigned.length ? "" : "inga"}`,
    ...s.agreementsSigned.map(
      (a) =>
        `  ${a.id}  ${a.category || NO_CATEGORY}, ${a.provider || "utförare ej angiven"}, tecknat ${toIsoDate(a.signed)}, start ${toIsoDate(a.start)}, ${a.scope || "omfattning ej angiven"}, ${formatAmount(a.monthlyCost, 3)} ${s.unit}/mån`
    ),
  ];
  if (problems.length)
    lines.push(
      "",
      `${problemCount(problems)} i tabellerna:`,
      ...problems.map((p) => `  - ${describeProblem(p)}`)
    );
  return lines.join("\n");
}

export async function transfersCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ["month"], ["json"]);
  if (args.positional.length !== 1)
    throw new UsageError("ange en arbetsbok: balans transfers FIL.xlsx --month ÅÅÅÅ-MM [--json]");
  const at = monthOption(args);
  const wb = readBalansWorkbook(await readXlsxTables(args.positional[0]));
  const ledger = requireLedger(wb);
  const status = transferStatus(ledger, at);
  const tableErrors = structuralProblems(wb, [
    TABLE_NAMES.agreements,
    TABLE_NAMES.costs,
    TABLE_NAMES.order,
  ]);
  const problems = [...tableErrors, ...ledger.problems, ...coverageProblems(ledger, at)];
  io.out(
    args.options.has("json")
      ? JSON.stringify(transfersJson(status, problems), null, 2)
      : renderTransfers(status, problems)
  );
  return reportTableErrors(io, "transfers", tableErrors);
}
