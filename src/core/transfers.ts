import { accrueMonthly, Period } from "./accrual";
import { amountInUnit, parseAmount } from "./amount";
import { parseCommittee, Committee } from "./committees";
import { CalendarDate, compareDates, daysInMonth, readDateValue, toIsoDate } from "./dates";
import { categoryOrder, parseInsats } from "./insatser";
import { monthLabel, readMonthValue, YearMonth } from "./months";
import { Problem } from "./problems";
import {
  bindTable,
  BoundTable,
  cellText,
  isEmpty,
  ProblemLog,
  RawTable,
  TableSpec,
} from "./tables";
import { Unit } from "./units";

export const TRANSFERS_TABLE: TableSpec<
  "date" | "from" | "to" | "category" | "amount" | "comment"
> = {
  name: "Overforingar",
  unitColumn: "amount",
  columns: [
    { key: "date", header: "Datum", aliases: ["Date"], required: true },
    { key: "from", header: "Från", aliases: ["From"], required: true },
    { key: "to", header: "Till", aliases: ["To"], required: true },
    { key: "category", header: "Verksamhet", aliases: ["Kategori", "Insats"] },
    { key: "amount", header: "Belopp", aliases: ["Amount"], required: true },
    { key: "comment", header: "Kommentar" },
  ],
};

export const AGREEMENTS_TABLE: TableSpec<
  | "id"
  | "category"
  | "provider"
  | "law"
  | "signed"
  | "start"
  | "end"
  | "scope"
  | "monthlyCost"
  | "comment"
> = {
  name: "Avtal",
  unitColumn: "monthlyCost",
  columns: [
    { key: "id", header: "Avtal", aliases: ["Id"], required: true },
    { key: "category", header: "Verksamhet", aliases: ["Kategori", "Insats"] },
    { key: "provider", header: "Utförare", aliases: ["Provider"] },
    { key: "law", header: "Lagrum" },
    { key: "signed", header: "Tecknat", aliases: ["Signed"] },
    { key: "start", header: "Start", required: true },
    { key: "end", header: "Slut" },
    { key: "scope", header: "Omfattning", aliases: ["Scope"] },
    {
      key: "monthlyCost",
      header: "Månadskostnad",
      aliases: ["Kostnad/mån", "Monthly cost"],
      required: true,
    },
    { key: "comment", header: "Kommentar" },
  ],
};

export const COSTS_TABLE: TableSpec<"month" | "category" | "agreement" | "amount"> = {
  name: "Kostnader",
  unitColumn: "amount",
  columns: [
    { key: "month", header: "Månad", aliases: ["Period", "Month"], required: true },
    { key: "category", header: "Verksamhet", aliases: ["Kategori", "Insats"] },
    { key: "agreement", header: "Avtal" },
    { key: "amount", header: "Belopp", aliases: ["Amount"], required: true },
  ],
};

export const ORDER_TABLE: TableSpec<"category" | "need" | "budget" | "comment"> = {
  name: "Bestallning",
  unitColumn: "budget",
  columns: [
    { key: "category", header: "Verksamhet", aliases: ["Kategori", "Insats"], required: true },
    { key: "need", header: "Bedömt behov" },
    { key: "budget", header: "Budget", required: true },
    { key: "comment", header: "Kommentar" },
  ],
};

export interface Transfer {
  date: CalendarDate;
  from: Committee;
  to: Committee;
  category: string;
  amount: number;
  comment?: string;
  row: number;
}

export interface Agreement extends Period {
  id: string;
  category: string;
  provider: string;
  law: string;
  signed: CalendarDate;
  scope: string;
  monthlyCost: number;
  row: number;
}

export interface BookedCost {
  month: YearMonth;
  category: string;
  agreement: string;
  amount: number;
  row: number;
}

export interface OrderLine {
  category: string;
  need: string;
  budget: number;
  row: number;
}

/** The transfer tables read into the unit of the Overforingar table. */
export interface TransferLedger {
  unit: Unit;
  transfers: Transfer[];
  /** Undefined when the workbook has no Avtal table. */
  agreements?: Agreement[];
  /** Undefined when the workbook has no Kostnader table: costs are then the agreements' accrual. */
  costs?: BookedCost[];
  order?: OrderLine[];
  problems: Problem[];
}

type Reader<K extends string> = { table: BoundTable<K>; log: ProblemLog<K>; unit: Unit };

function open<K extends string>(spec: TableSpec<K>, raw: RawTable, unit?: Unit): Reader<K> {
  const table = bindTable(spec, raw);
  return { table, log: new ProblemLog(table), unit: unit ?? table.unit };
}

/** An amount cell converted into `to`; undefined (and a problem) when it is not an amount. */
function amountIn<K extends string>(
  r: Reader<K>,
  row: { number: number; get(k: K): unknown },
  key: K,
  to: Unit,
  allowNegative: boolean
): number | undefined {
  const a = parseAmount(row.get(key));
  if (!a.ok) {
    r.log.add(row.number, key, a.message);
    return undefined;
  }
  const value = amountInUnit(a, r.table.unit, to);
  if (!allowNegative && value < 0) {
    r.log.add(row.number, key, "är negativt; ange beloppet som ett positivt tal");
    return undefined;
  }
  return value;
}

function category<K extends string>(
  r: Reader<K>,
  row: { number: number; get(k: K): unknown },
  key: K
): string {
  const c = parseInsats(row.get(key));
  if (c.ok) return c.category;
  r.log.add(row.number, key, c.message);
  return cellText(row.get(key) as never);
}

export function readTransfers(raw: RawTable): {
  unit: Unit;
  transfers: Transfer[];
  problems: Problem[];
} {
  const r = open(TRANSFERS_TABLE, raw);
  const transfers: Transfer[] = [];
  for (const row of r.table.rows) {
    const date = readDateValue(row.get("date"));
    if (!date)
      r.log.add(
        row.number,
        "date",
        `»${cellText(row.get("date"))}« är inget datum; ange t.ex. 2018-01-15`
      );
    const from = parseCommittee(row.get("from"));
    if (!from.ok) r.log.add(row.number, "from", from.message);
    const to = parseCommittee(row.get("to"));
    if (!to.ok) r.log.add(row.number, "to", to.message);
    const sameCommittee = from.ok && to.ok && from.committee === to.committee;
    if (sameCommittee)
      r.log.add(row.number, "to", `är samma nämnd som Från (${cellText(row.get("to"))})`);
    const amount = amountIn(r, row, "amount", r.table.unit, false);
    const cat = category(r, row, "category");
    if (!date || !from.ok || !to.ok || sameCommittee || amount === undefined) continue;
    transfers.push({
      date,
      from: from.committee,
      to: to.committee,
      category: cat,
      amount,
      ...(cellText(row.get("comment")) ? { comment: cellText(row.get("comment")) } : {}),
      row: row.number,
    });
  }
  return { unit: r.table.unit, transfers, problems: r.log.problems };
}

export function readAgreements(
  raw: RawTable,
  unit: Unit
): { agreements: Agreement[]; problems: Problem[] } {
  const r = open(AGREEMENTS_TABLE, raw);
  const agreements: Agreement[] = [];
  const seen = new Map<string, number>();
  for (const row of r.table.rows) {
    // Every problem of a row is reported; a row with any of them is left out.
    let usable = true;
    const problem = (key: Parameters<typeof r.log.add>[1], message: string) => {
      r.log.add(row.number, key, message);
      usable = false;
    };
    const id = cellText(row.get("id"));
    if (id === "") problem("id", "saknar avtals-id; ange t.ex. AV-01");
    else if (seen.has(id)) problem("id", `avtal ${id} finns redan på rad ${seen.get(id)}`);
    const start = readDateValue(row.get("start"));
    if (!start) {
      problem(
        "start",
        isEmpty(row.get("start"))
          ? "saknas; ange första dagen avtalet gäller"
          : `»${cellText(row.get("start"))}« är inget datum`
      );
    }
    let end: CalendarDate | undefined;
    if (!isEmpty(row.get("end"))) {
      end = readDateValue(row.get("end"));
      if (!end)
        problem(
          "end",
          `»${cellText(row.get("end"))}« är inget datum; ange sista dagen avtalet gäller`
        );
      else if (start && compareDates(end, start) < 0) {
        problem("end", `avtalet slutar ${toIsoDate(end)}, före sin start ${toIsoDate(start)}`);
      }
    }
    let signed = start;
    if (!isEmpty(row.get("signed"))) {
      signed = readDateValue(row.get("signed"));
      if (!signed) problem("signed", `»${cellText(row.get("signed"))}« är inget datum`);
    }
    const monthlyCost = amountIn(r, row, "monthlyCost", unit, false);
    const cat = category(r, row, "category");
    if (!usable || !start || !signed || monthlyCost === undefined) continue;
    seen.set(id, row.number);
    agreements.push({
      id,
      category: cat,
      provider: cellText(row.get("provider")),
      law: cellText(row.get("law")),
      signed,
      start,
      ...(end ? { end } : {}),
      scope: cellText(row.get("scope")),
      monthlyCost,
      row: row.number,
    });
  }
  return { agreements, problems: r.log.problems };
}

export function readCosts(
  raw: RawTable,
  unit: Unit,
  agreementIds?: ReadonlySet<string>
): { costs: BookedCost[]; problems: Problem[] } {
  const r = open(COSTS_TABLE, raw);
  const costs: BookedCost[] = [];
  for (const row of r.table.rows) {
    const month = readMonthValue(row.get("month"));
    if (!month)
      r.log.add(
        row.number,
        "month",
        `»${cellText(row.get("month"))}« är ingen månad; ange t.ex. 2018-08`
      );
    const amount = amountIn(r, row, "amount", unit, true);
    const agreement = cellText(row.get("agreement"));
    if (agreement && agreementIds && !agreementIds.has(agreement))
      r.log.add(row.number, "agreement", `avtal ${agreement} finns inte i tabellen Avtal`);
    const cat = category(r, row, "category");
    if (!month || amount === undefined) continue;
    costs.push({ month, category: cat, agreement, amount, row: row.number });
  }
  return { costs, problems: r.log.problems };
}

export function readOrder(raw: RawTable, unit: Unit): { order: OrderLine[]; problems: Problem[] } {
  const r = open(ORDER_TABLE, raw);
  const order: OrderLine[] = [];
  for (const row of r.table.rows) {
    const budget = amountIn(r, row, "budget", unit, false);
    const cat = category(r, row, "category");
    if (budget === undefined) continue;
    order.push({ category: cat, need: cellText(row.get("need")), budget, row: row.number });
  }
  return { order, problems: r.log.problems };
}

// ---------------------------------------------------------------------------------------------

export interface CategoryStatus {
  category: string;
  /** ON's order (Bestallning) for the insats, when the table has it. */
  ordered?: number;
  transferredToDate: number;
  costsToDate: number;
  balance: number;
  forecastYearEnd: number;
}

export interface TransferStatus extends YearMonth {
  unit: Unit;
  transferredToDate: number;
  costsToDate: number;
  balance: number;
  forecastYearEnd: number;
  /** Where the costs come from. */
  costSource: "Kostnader" | "Avtal" | "ingen";
  byCategory: CategoryStatus[];
  /** Agreements signed in the month (Tecknat, or Start when empty). */
  agreementsSigned: Agreement[];
  /** Agreements in effect some day of the month. */
  activeAgreements: Agreement[];
  orderTotal?: number;
}

const inYearThrough = (d: CalendarDate | YearMonth, at: YearMonth) =>
  d.year === at.year && d.month <= at.month;

/**
 * SN's balance of transferred funds at the end of a month: transfers to SN dated in the year up to
 * the month, less transfers from SN, less the year's costs up to the month (booked costs when the
 * Kostnader table exists, otherwise the agreements' accrual). The year-end forecast subtracts the
 * agreements' accrual for the remaining months.
 */
export function transferStatus(ledger: TransferLedger, at: YearMonth): TransferStatus {
  const { year, month } = at;
  const cats = new Map<string, CategoryStatus>();
  const cat = (name: string) => {
    let c = cats.get(name);
    if (!c)
      cats.set(
        name,
        (c = {
          category: name,
          transferredToDate: 0,
          costsToDate: 0,
          balance: 0,
          forecastYearEnd: 0,
        })
      );
    return c;
  };
  for (const t of ledger.transfers) {
    if (!inYearThrough(t.date, at)) continue;
    const sign = t.to === "SN" ? 1 : t.from === "SN" ? -1 : 0;
    if (sign) cat(t.category).transferredToDate += sign * t.amount;
  }
  const agreements = ledger.agreements ?? [];
  if (ledger.costs) {
    for (const c of ledger.costs)
      if (inYearThrough(c.month, at)) cat(c.category).costsToDate += c.amount;
  } else {
    for (const a of agreements)
      cat(a.category).costsToDate += accrueMonthly(a.monthlyCost, a, year, 1, month);
  }
  const remaining = new Map<string, number>();
  for (const a of agreements) {
    const rest = month < 12 ? accrueMonthly(a.monthlyCost, a, year, month + 1, 12) : 0;
    remaining.set(a.category, (remaining.get(a.category) ?? 0) + rest);
    if (rest) cat(a.category);
  }
  for (const o of ledger.order ?? []) {
    const c = cat(o.category);
    c.ordered = (c.ordered ?? 0) + o.budget;
  }
  const byCategory = [...cats.values()]
    .map((c) => {
      const balance = c.transferredToDate - c.costsToDate;
      return { ...c, balance, forecastYearEnd: balance - (remaining.get(c.category) ?? 0) };
    })
    .filter(
      (c) =>
        c.ordered !== undefined ||
        c.transferredToDate !== 0 ||
        c.costsToDate !== 0 ||
        c.forecastYearEnd !== 0
    )
    .sort(
      (a, b) =>
        categoryOrder(a.category) - categoryOrder(b.category) ||
        a.category.localeCompare(b.category, "sv")
    );

  const sum = (f: (c: CategoryStatus) => number) => byCategory.reduce((s, c) => s + f(c), 0);
  const first = { year, month, day: 1 };
  const signedIn = (a: Agreement) => a.signed.year === year && a.signed.month === month;
  const last = { year, month, day: daysInMonth(year, month) };
  const activeIn = (a: Agreement) =>
    compareDates(a.start, last) <= 0 && (!a.end || compareDates(a.end, first) >= 0);
  return {
    year,
    month,
    unit: ledger.unit,
    transferredToDate: sum((c) => c.transferredToDate),
    costsToDate: sum((c) => c.costsToDate),
    balance: sum((c) => c.balance),
    forecastYearEnd: sum((c) => c.forecastYearEnd),
    costSource: ledger.costs ? "Kostnader" : ledger.agreements ? "Avtal" : "ingen",
    byCategory,
    agreementsSigned: agreements.filter(signedIn),
    activeAgreements: agreements.filter(activeIn),
    ...(ledger.order ? { orderTotal: ledger.order.reduce((s, o) => s + o.budget, 0) } : {}),
  };
}

/** Notes for a month the data does not cover, so an empty answer is not mistaken for zero. */
export function coverageProblems(ledger: TransferLedger, at: YearMonth): Problem[] {
  const years = new Set(ledger.transfers.map((t) => t.date.year));
  if (years.has(at.year)) return [];
  const known = [...years].sort();
  return [
    {
      table: TRANSFERS_TABLE.name,
      message: `Inga överföringar är daterade ${at.year}${known.length ? ` (överföringarna gäller ${known.join(", ")})` : ""}; det finns inget saldo att följa för ${monthLabel(at)}.`,
    },
  ];
}
