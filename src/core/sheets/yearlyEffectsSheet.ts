import { PlanEffects } from "../effects";
import { toExcelSerial } from "../dates";
import { ColumnLayout, padCells, ReportLayout, ReportRow } from "../layout";
import { CellValue } from "../tables";

/**
 * The note where the residual deficit would stand when no deficit is known for the years shown:
 * the Underskott table is missing, cannot be read, or has no row for those years.
 */
export const NO_DEFICIT_NOTE =
  "Inget underskott för dessa år (tabellen Underskott saknas, kan inte läsas eller har inga rader för åren): inget restunderskott räknas.";

export function noDeficitRow(pad: (cells: CellValue[]) => CellValue[]): ReportRow {
  return { style: "note", cells: pad([null, NO_DEFICIT_NOTE]) };
}

export const YEARLY_EFFECTS_SHEET = "Årseffekter";

export interface SheetStamp {
  /** When the figures were computed, as the user should read it, e.g. `2026-11-22 14:05`. */
  madeAt: string;
  /** What they were computed from, e.g. a file name or `denna arbetsbok`. */
  source: string;
}

/** The columns before the years; the last holds the chart block's series names. */
const LEADING_COLUMNS: ColumnLayout[] = [
  { header: "Id", width: 7 },
  { header: "Åtgärd", width: 52 },
  { header: "Tidsaspekt", width: 26 },
  { header: "Start", width: 11, format: "date" },
  { header: "Helårseffekt", width: 15, format: "amountPrecise" },
];

/**
 * The `Årseffekter` sheet: measures × years grouped by area with subtotals, the total, the
 * forecast deficit and the residual deficit. With a forecast plan (some measure has Prognos
 * helårseffekt, Prognos start or is Avbruten), its years stand beside the plan's on every row.
 * Values only; the sheet is a snapshot.
 */
export function yearlyEffectsLayout(
  effects: PlanEffects,
  stamp: SheetStamp,
  forecast?: PlanEffects
): ReportLayout {
  const { years, unit } = effects;
  const width = LEADING_COLUMNS.length + years.length * (forecast ? 2 : 1);
  const pad = (cells: CellValue[]) => padCells(cells, width);
  const values = (v: Map<number, number> | undefined) => years.map((y) => v?.get(y) ?? null);
  /** A row's years: the plan's, then the forecast's when there is one. */
  const both = (plan: Map<number, number>, fc: Map<number, number> | undefined): CellValue[] =>
    forecast ? [...values(plan), ...values(fc)] : values(plan);
  const fcMeasure = (m: PlanEffects["areas"][number]["measures"][number]) =>
    forecast?.perMeasure.get(m);
  const fcArea = (i: number) => forecast?.areas[i].perYear;

  const rows: ReportRow[] = [
    { style: "title", cells: pad([`Årseffekter av åtgärdsplanen (${unit})`]) },
    {
      style: "subtitle",
      cells: pad([
        `Beräknat ${stamp.madeAt} från ${stamp.source}. Effekten per år följer när varje åtgärd börjar gälla${
          forecast
            ? "; Prognos-kolumnerna visar prognosplanen (Prognos helårseffekt, Prognos start, Avbruten)."
            : "."
        }`,
      ]),
    },
    {
      style: "header",
      cells: [
        "Id",
        "Åtgärd",
        "Tidsaspekt",
        "Start",
        `Helårseffekt`,
        ...years.map(String),
        ...(forecast ? years.map((y) => `Prognos ${y}`) : []),
      ],
    },
  ];
  effects.areas.forEach((area, areaIndex) => {
    rows.push({ style: "group", cells: pad([null, area.area]) });
    for (const m of area.measures) {
      rows.push({
        style: "item",
        cells: [
          m.id,
          m.name,
          m.timing,
          toExcelSerial(m.start),
          m.annual,
          ...both(effects.perMeasure.get(m)!, fcMeasure(m)),
        ],
      });
    }
    rows.push({
      style: "subtotal",
      cells: [
        null,
        `Summa ${area.area}`,
        null,
        null,
        area.annual,
        ...both(area.perYear, fcArea(areaIndex)),
      ],
    });
  });
  rows.push({
    style: "total",
    cells: [
      null,
      "Summa kostnadsreducerande åtgärder",
      null,
      null,
      effects.annual,
      ...both(effects.totals, forecast?.totals),
    ],
  });
  if (effects.deficit.size > 0) {
    rows.push({
      style: "item",
      cells: [
        null,
        "Prognostiserat underskott",
        null,
        null,
        null,
        ...both(effects.deficit, forecast?.deficit),
      ],
    });
    rows.push({
      style: "emphasis",
      cells: [
        null,
        "Restunderskott efter åtgärder",
        null,
        null,
        null,
        ...both(effects.residual, forecast?.residual),
      ],
    });
  } else {
    rows.push(noDeficitRow(pad));
  }
  // The chart's data, under the year columns: the years, then one row per series with its name in
  // the column beside them, so every header fits its column and the block reads as a small table.
  const firstYearColumn = LEADING_COLUMNS.length;
  const namesColumn = firstYearColumn - 1;
  const series: [string, Map<number, number>][] = [
    ["Besparing", effects.totals],
    ...(effects.deficit.size > 0
      ? ([
          ["Underskott", effects.deficit],
          ["Restunderskott", effects.residual],
        ] as [string, Map<number, number>][])
      : []),
  ];
  const block = (label: CellValue, values: CellValue[]): CellValue[] =>
    pad([...Array<CellValue>(namesColumn).fill(null), label, ...values]);
  rows.push({ style: "blank", cells: pad([]) });
  rows.push({ style: "group", cells: pad([null, `Diagrammets underlag (${unit})`]) });
  const chartHeader = rows.length;
  rows.push({ style: "header", cells: block(null, years.map(String)) });
  for (const [name, values] of series) {
    rows.push({
      style: "item",
      cells: block(
        name,
        years.map((y) => values.get(y) ?? (name === "Besparing" ? 0 : null))
      ),
    });
  }
  return {
    kind: "report",
    sheet: YEARLY_EFFECTS_SHEET,
    period: years.length ? `${years[0]}–${years[years.length - 1]}` : undefined,
    chart: {
      title: `Besparing och underskott per år (${unit})`,
      seriesBy: "rows",
      firstRow: chartHeader,
      lastRow: rows.length - 1,
      firstColumn: namesColumn,
      lastColumn: namesColumn + years.length,
    },
    orientation: "landscape",
    freezeRows: 3,
    columns: [
      ...LEADING_COLUMNS,
      ...years.map((y) => ({ header: String(y), width: 10, format: "amount" as const })),
      ...(forecast
        ? years.map((y) => ({ header: `Prognos ${y}`, width: 10, format: "amount" as const }))
        : []),
    ],
    rows,
  };
}
