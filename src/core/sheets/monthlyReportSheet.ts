import { compareDates, daysInMonth, makeDate, toExcelSerial, toIsoDate } from "../dates";
import { FollowUpLine, FollowUpTotals } from "../followUp";
import { NO_CATEGORY } from "../insatser";
import { CellFormat, padCells, ReportLayout, ReportRow } from "../layout";
import { monthLabel, swedishMonth } from "../months";
import { describeProblem } from "../problems";
import { MonthlyReport } from "../report";
import { CellValue } from "../tables";
import { Agreement } from "../transfers";

/** `Rapport 2020-08`: the name of a month's report sheet. */
export function reportSheetName(report: MonthlyReport): string {
  return `Rapport ${monthLabel(report.at)}`;
}

const WIDTH = 8;
const pad = (cells: CellValue[]) => padCells(cells, WIDTH);
/** The agreements' columns; their header row aligns by them too (Omfattning is text). */
const AGREEMENT_FORMATS: CellFormat[] = [
  "text",
  "text",
  "text",
  "date",
  "date",
  "date",
  "text",
  "amountFine",
];

/**
 * The report sheet, laid out for print on A4 landscape: a summary with the previous month beside
 * each total, the measures per area with subtotals, the transfers per insats, the agreements
 * signed this month and those in effect, and the problems found in the tables.
 */
export function monthlyReportLayout(report: MonthlyReport): ReportLayout {
  const { at, previous, plan, transfers } = report;
  // Figures to date start again each January: December's are no comparison.
  const sameYear = previous.year === at.year;
  const unit = plan?.unit ?? transfers!.current.unit;
  const rows: ReportRow[] = [
    {
      style: "title",
      cells: pad([
        `Månadsrapport ${swedishMonth(at)}: ${[plan && "åtgärdsplan", transfers && "överförda medel ON → SN"].filter(Boolean).join(" och ")}`,
      ]),
    },
    {
      style: "subtitle",
      cells: pad([
        `Gjord ${report.stamp.madeAt} från ${report.stamp.source}. Belopp i ${unit}. Ögonblicksbild: värdena ändras inte när tabellerna ändras.`,
      ]),
    },
    { style: "blank", cells: pad([]) },
    {
      style: "header",
      cells: pad([
        null,
        "Sammanfattning",
        null,
        monthLabel(at),
        sameYear ? monthLabel(previous) : null,
        sameYear ? "Förändring" : null,
      ]),
    },
  ];
  const compare = (
    label: string,
    now: number | undefined,
    figureBefore: number | undefined,
    style: ReportRow["style"] = "item"
  ) => {
    const before = sameYear ? figureBefore : undefined;
    rows.push({
      style,
      cells: pad([
        null,
        label,
        null,
        now ?? null,
        before ?? null,
        now !== undefined && before !== undefined ? now - before : null,
      ]),
    });
  };

  if (plan) {
    const t = plan.totals;
    const p = plan.previousTotals;
    const pick = (k: keyof FollowUpTotals) => [t[k], p[k]] as const;
    compare("Åtgärder: planerat helår", ...pick("plannedYear"));
    compare(
      `Åtgärder: planerat t.o.m. ${swedishMonth(at).split(" ")[0]}`,
      ...pick("plannedToDate")
    );
    compare("Åtgärder: utfall t.o.m. månaden", ...pick("actualToDate"));
    compare("Åtgärder: avvikelse (utfall − plan)", ...pick("deviation"));
    compare("Åtgärder: prognos helår", ...pick("forecastYear"), "subtotal");
    if (plan.deficit !== undefined) {
      compare(`Prognostiserat underskott ${at.year}`, plan.deficit, undefined);
      compare("Restunderskott enligt plan", plan.residualPlanned, undefined);
      compare(
        "Restunderskott enligt prognos",
        plan.residualForecast,
        plan.previousResidualForecast,
        "emphasis"
      );
    }
    const rule = plan.deficitsMissing
      ? "Restunderskott och 1 %-regeln räknas inte: tabellen Underskott saknas eller kan inte läsas."
      : plan.planRequired === null
        ? "1 %-regeln kan inte bedömas: fyll i Budget i tabellen Underskott."
        : plan.planRequired
          ? "1 %-regeln: underskottet är större än 1 % av budgeten, så en åtgärdsplan krävs."
          : "1 %-regeln: underskottet är högst 1 % av budgeten, så en åtgärdsplan krävs inte.";
    rows.push({ style: "note", cells: pad([null, rule]) });
    if (plan.revised.length)
      rows.push({
        style: "note",
        cells: pad([
          null,
          `Prognos helår = utfall t.o.m. månaden + prognosplanen för resten av året; reviderad prognos (Prognos helårseffekt, Prognos start) för ${plan.revised.join(", ")}.`,
        ]),
      });
  }
  if (transfers) {
    const c = transfers.current;
    const b = transfers.previous;
    compare("Överfört till SN t.o.m. månaden", c.transferredToDate, b.transferredToDate);
    compare(
      `Kostnader t.o.m. månaden (${c.costSource === "Kostnader" ? "bokförda" : "avtalens månadskostnad"})`,
      c.costsToDate,
      b.costsToDate
    );
    compare("Saldo, överförda medel", c.balance, b.balance, "subtotal");
    compare("Prognos vid årets slut", c.forecastYearEnd, b.forecastYearEnd, "emphasis");
  }

  if (plan) {
    const month = swedishMonth(at).split(" ")[0];
    rows.push({ style: "blank", cells: pad([]) });
    rows.push({
      style: "header",
      cells: [
        "Id",
        `Åtgärder ${at.year}`,
        "Status",
        "Plan helår",
        `Plan t.o.m. ${month}`,
        `Utfall t.o.m. ${month}`,
        "Avvikelse",
        "Prognos helår",
      ],
    });
    const figures = (t: FollowUpTotals): CellValue[] => [
      t.plannedYear,
      t.plannedToDate,
      t.actualToDate,
      t.deviation,
      t.forecastYear,
    ];
    const monthEnd = makeDate(at.year, at.month, daysInMonth(at.year, at.month));
    const later = plan.lines.filter((l) => startsLater(l, at.year));
    for (const area of plan.areas) {
      const lines = area.lines.filter((l) => !later.includes(l));
      if (lines.length === 0) continue;
      rows.push({ style: "group", cells: pad([null, area.area]) });
      for (const l of lines) {
        // Not reported is worth saying only of a measure that has started.
        const status = l.reportedThrough
          ? l.status || "–"
          : compareDates(l.measure.start, monthEnd) > 0
            ? `${l.status ? `${l.status}, s` : "S"}tartar ${toIsoDate(l.measure.start)}`
            : `${l.status || "–"} (ej rapporterad)`;
        rows.push({
          style: "item",
          cells: [l.measure.id, l.measure.name, status, ...figures(l)],
        });
      }
      rows.push({
        style: "subtotal",
        cells: [null, `Summa ${area.area}`, null, ...figures(area.totals)],
      });
    }
    rows.push({ style: "total", cells: [null, "Summa åtgärder", null, ...figures(plan.totals)] });
    if (later.length) {
      rows.push({ style: "blank", cells: pad([]) });
      rows.push({
        style: "header",
        cells: pad(["Id", `Startar senare: ingen effekt ${at.year}`, "Start"]),
      });
      for (const l of later)
        rows.push({
          style: "item",
          cells: pad([l.measure.id, l.measure.name, toIsoDate(l.measure.start)]),
        });
    }
  }

  if (transfers) {
    const c = transfers.current;
    rows.push({ style: "blank", cells: pad([]) });
    rows.push({
      style: "header",
      cells: [
        null,
        `Överförda medel ON → SN ${at.year}, per insats`,
        null,
        "Beställning",
        "Överfört t.o.m.",
        "Kostnader t.o.m.",
        "Saldo",
        "Prognos årets slut",
      ],
    });
    for (const k of c.byCategory) {
      rows.push({
        style: "item",
        cells: [
          null,
          k.category || NO_CATEGORY,
          null,
          k.ordered ?? null,
          k.transferredToDate,
          k.costsToDate,
          k.balance,
          k.forecastYearEnd,
        ],
      });
    }
    rows.push({
      style: "total",
      cells: [
        null,
        "Summa",
        null,
        c.orderTotal ?? null,
        c.transferredToDate,
        c.costsToDate,
        c.balance,
        c.forecastYearEnd,
      ],
    });
    agreementSection(rows, `Särskilda avtal tecknade i ${swedishMonth(at)}`, c.agreementsSigned);
    agreementSection(rows, `Särskilda avtal i kraft under ${swedishMonth(at)}`, c.activeAgreements);
  }

  if (report.problems.length) {
    rows.push({ style: "blank", cells: pad([]) });
    rows.push({
      style: "group",
      cells: pad([
        null,
        `Problem i tabellerna (${report.problems.length}): rader som inte räknas eller kan vara fel`,
      ]),
    });
    for (const p of report.problems)
      rows.push({ style: "note", cells: pad([null, describeProblem(p)]) });
  }

  return {
    kind: "report",
    sheet: reportSheetName(report),
    period: swedishMonth(at),
    orientation: "landscape",
    freezeRows: 2,
    columns: [
      { header: "Id", width: 8 },
      { header: "Åtgärd", width: 50 },
      { header: "Status", width: 16 },
      ...["D", "E", "F", "G", "H"].map((h) => ({
        header: h,
        width: 13,
        format: "amount" as const,
      })),
    ],
    rows,
  };
}

/** A measure that starts after the report's year and has nothing in it: listed apart. */
function startsLater(l: FollowUpLine, year: number): boolean {
  return (
    l.measure.start.year > year &&
    !l.reportedThrough &&
    l.plannedYear === 0 &&
    l.actualToDate === 0 &&
    l.forecastYear === 0
  );
}

function agreementSection(
  rows: ReportRow[],
  title: string,
  agreements: readonly Agreement[]
): void {
  rows.push({ style: "blank", cells: pad([]) });
  rows.push({
    style: "header",
    formats: AGREEMENT_FORMATS,
    cells: ["Avtal", title, "Lagrum", "Tecknat", "Start", "Slut", "Omfattning", "Per månad"],
  });
  if (agreements.length === 0) {
    rows.push({ style: "note", cells: pad([null, "Inga."]) });
    return;
  }
  for (const a of agreements) {
    rows.push({
      style: "item",
      formats: AGREEMENT_FORMATS,
      cells: [
        a.id,
        [a.category || NO_CATEGORY, a.provider].filter(Boolean).join(" – "),
        a.law || null,
        toExcelSerial(a.signed),
        toExcelSerial(a.start),
        a.end ? toExcelSerial(a.end) : null,
        a.scope || null,
        a.monthlyCost,
      ],
    });
  }
  const monthly = agreements.reduce((s, a) => s + a.monthlyCost, 0);
  rows.push({
    style: "subtotal",
    formats: AGREEMENT_FORMATS,
    cells: [null, `${agreements.length} avtal`, null, null, null, null, null, monthly],
  });
}
