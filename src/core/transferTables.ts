import { Period } from "./accrual";
import { parseCommittee, Committee } from "./committees";
import { CalendarDate, compareDates, toIsoDate } from "./dates";
import { DateRole, readDateCell, readMonthCell } from "./grammar";
import { parseInsats } from "./insatser";
import { YearMonth } from "./months";
import { Problem } from "./problems";
import {
  bindTable,
  BoundRow,
  BoundTable,
  cellText,
  isEmpty,
  ProblemLog,
  RawTable,
  TableSpec,
} from "./tables";
import { Unit } from "./units";

/*
 * Reading the transfer tables (Overforingar, Avtal, Kostnader, Bestallning) into a ledger in the
 * unit of Overforingar. What the ledger means for SN's balance is computed in transfers.ts.
 */

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
    { key: "amount", header: "Belopp", aliases: ["Amount"], required: true, amount: true },
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
      amount: true,
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
    { key: "amount", header: "Belopp", aliases: ["Amount"], required: true, amount: true },
  ],
};

export const ORDER_TABLE: TableSpec<"category" | "need" | "budget" | "comment"> = {
  name: "Bestallning",
  unitColumn: "budget",
  columns: [
    { key: "category", header: "Verksamhet", aliases: ["Kategori", "Insats"], required: true },
    { key: "need", header: "Bedömt behov" },
    { key: "budget", header: "Budget", required: true, amount: true },
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

type Reader<K extends string> = { table: BoundTable<K>; log: ProblemLog<K> };

/** Binds a table; `amountKey` in a unit other than `ledgerUnit` is noted when its header is silent. */
function open<K extends string>(
  spec: TableSpec<K>,
  raw: RawTable,
  ledgerUnit?: Unit,
  amountKey?: K
): Reader<K> {
  const table = bindTable(spec, raw);
  const log = new ProblemLog(table);
  if (ledgerUnit && amountKey && table.rows.length) log.assumedUnit(amountKey, ledgerUnit);
  return { table, log };
}

/** An amount cell converted into `to`; undefined (and a problem) when it is not an amount. */
function amountIn<K extends string>(
  r: Reader<K>,
  row: BoundRow<K>,
  key: K,
  to: Unit,
  allowNegative: boolean
): number | undefined {
  const value = r.log.amount(row, key, to);
  if (value === undefined) return undefined;
  if (!allowNegative && value < 0) {
    r.log.add(row.number, key, "är negativt; ange beloppet som ett positivt tal");
    return undefined;
  }
  return value;
}

/** A date cell read by the contract's rules; undefined (and a problem) when it is no date. */
function dateIn<K extends string>(
  r: Reader<K>,
  row: BoundRow<K>,
  key: K,
  role: DateRole,
  example: string
): CalendarDate | undefined {
  const cell = row.get(key);
  if (isEmpty(cell)) {
    r.log.add(row.number, key, `saknas; ${example}`);
    return undefined;
  }
  const d = readDateCell(cell, role);
  if (!d.ok) {
    r.log.add(row.number, key, d.message);
    return undefined;
  }
  if (d.notice) r.log.notice(row.number, key, d.notice);
  return d.date;
}

function monthIn<K extends string>(r: Reader<K>, row: BoundRow<K>, key: K): YearMonth | undefined {
  const m = readMonthCell(row.get(key));
  if (m.ok) return m.month;
  r.log.add(row.number, key, m.message);
  return undefined;
}

function category<K extends string>(r: Reader<K>, row: BoundRow<K>, key: K): string {
  if (r.log.hasError(row.number, key)) return "";
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
    const date = dateIn(r, row, "date", "date", "ange t.ex. 2018-01-15");
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
  const r = open(AGREEMENTS_TABLE, raw, unit, "monthlyCost");
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
    const start = dateIn(r, row, "start", "start", "ange första dagen avtalet gäller");
    if (!start) usable = false;
    let end: CalendarDate | undefined;
    if (!isEmpty(row.get("end"))) {
      end = dateIn(r, row, "end", "end", "ange sista dagen avtalet gäller");
      if (!end) usable = false;
      else if (start && compareDates(end, start) < 0) {
        problem("end", `avtalet slutar ${toIsoDate(end)}, före sin start ${toIsoDate(start)}`);
      }
    }
    let signed = start;
    if (!isEmpty(row.get("signed"))) {
      signed = dateIn(r, row, "signed", "date", "ange dagen avtalet tecknades");
      if (!signed) usable = false;
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
  const r = open(COSTS_TABLE, raw, unit, "amount");
  const costs: BookedCost[] = [];
  for (const row of r.table.rows) {
    const month = monthIn(r, row, "month");
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
  const r = open(ORDER_TABLE, raw, unit, "budget");
  const order: OrderLine[] = [];
  for (const row of r.table.rows) {
    const budget = amountIn(r, row, "budget", unit, false);
    const cat = category(r, row, "category");
    if (budget === undefined) continue;
    order.push({ category: cat, need: cellText(row.get("need")), budget, row: row.number });
  }
  return { order, problems: r.log.problems };
}
