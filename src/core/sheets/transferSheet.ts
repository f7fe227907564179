import { NO_CATEGORY } from "../insatser";
import { padCells, ReportLayout, ReportRow } from "../layout";

const WIDTH = 7;
import { monthLabel } from "../months";
import { transferStatus, TransferLedger } from "../transfers";
import { SheetStamp } from "./yearlyEffectsSheet";

export const transferSheetName = (year: number) => `Överföringar ${year}`;

/**
 * `Överföringar YYYY`: SN's balance of transferred funds at the end of each month of a year, and
 * per insats at year end against ON's order. Values only; the sheet is a snapshot.
 */
export function transferBalancesLayout(
  ledger: TransferLedger,
  year: number,
  stamp: SheetStamp
): ReportLayout {
  const months = Array.from({ length: 12 }, (_, i) =>
    transferStatus(ledger, { year, month: i + 1 })
  );
  const rows: ReportRow[] = [
    {
      style: "title",
      cells: padCells([`Överförda medel ON → SN ${year} (${ledger.unit})`], WIDTH),
    },
    {
      style: "subtitle",
      cells: padCells(
        [
          `Beräknat ${stamp.madeAt} från ${stamp.source}. Kostnader: ${months[0].costSource === "Kostnader" ? "bokförda (tabellen Kostnader)" : "avtalens månadskostnad (tabellen Avtal)"}.`,
        ],
        WIDTH
      ),
    },
    {
      style: "header",
      cells: [
        "Månad",
        "Överfört t.o.m.",
        "Kostnader t.o.m.",
        "Saldo",
        "Prognos årets slut",
        "Tecknade avtal",
        "Avtal i kraft",
      ],
    },
  ];
  for (const m of months) {
    rows.push({
      style: "item",
      formats: [undefined, undefined, undefined, undefined, undefined, "integer", "integer"],
      cells: [
        monthLabel(m),
        m.transferredToDate,
        m.costsToDate,
        m.balance,
        m.forecastYearEnd,
        m.agreementsSigned.length,
        m.activeAgreements.length,
      ],
    });
  }
  const end = months[11];
  rows.push({ style: "blank", cells: padCells([], WIDTH) });
  rows.push({
    style: "header",
    cells: ["Per insats, december", "Beställning", "Överfört", "Kostnader", "Saldo", null, null],
  });
  for (const c of end.byCategory) {
    rows.push({
      style: "item",
      cells: [
        c.category || NO_CATEGORY,
        c.ordered ?? null,
        c.transferredToDate,
        c.costsToDate,
        c.balance,
        null,
        null,
      ],
    });
  }
  rows.push({
    style: "total",
    cells: [
      "Summa",
      end.orderTotal ?? null,
      end.transferredToDate,
      end.costsToDate,
      end.balance,
      null,
      null,
    ],
  });
  return {
    kind: "report",
    sheet: transferSheetName(year),
    period: String(year),
    orientation: "landscape",
    freezeRows: 3,
    columns: [
      { header: "Månad", width: 46 },
      ...["Överfört", "Kostnader", "Saldo", "Prognos"].map((header) => ({
        header,
        width: 15,
        format: "amountPrecise" as const,
      })),
      { header: "Tecknade", width: 14, format: "integer" },
      { header: "I kraft", width: 12, format: "integer" },
    ],
    rows,
  };
}
