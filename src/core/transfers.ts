import { accrueMonthly } from "./accrual";
import { CalendarDate, compareDates, daysInMonth } from "./dates";
import { categoryOrder } from "./insatser";
import { monthLabel, YearMonth } from "./months";
import { Problem } from "./problems";
import { Agreement, TransferLedger, TRANSFERS_TABLE } from "./transferTables";
import { Unit } from "./units";

// The tables are read in transferTables.ts; these names stay importable from here.
export {
  AGREEMENTS_TABLE,
  COSTS_TABLE,
  ORDER_TABLE,
  readAgreements,
  readCosts,
  readOrder,
  readTransfers,
  TRANSFERS_TABLE,
} from "./transferTables";
export type { Agreement, BookedCost, OrderLine, Transfer, TransferLedger } from "./transferTables";

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
