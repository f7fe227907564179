import fc from "fast-check";
import { FormulaResult, PlanQueries } from "../../src/core/queries";
import { CellValue, RawTable } from "../../src/core/tables";
import { readBalansWorkbook } from "../../src/core/workbook";
import { exampleTableLayouts, layoutAsRawTable } from "../../src/example/exampleWorkbook";

/**
 * The example's tables, plus rows that give notices, problems and duplicates, so that the
 * arguments below meet every kind of answer: values, values with notices, and errors.
 */
function tables(): RawTable[] {
  const raw = exampleTableLayouts().map(layoutAsRawTable);
  const measures = raw.find((t) => t.name === "Atgarder")!;
  const width = measures.headers.length;
  const at = (header: string) => measures.headers.indexOf(header);
  const row = (cells: Record<string, CellValue>): CellValue[] => {
    const r: CellValue[] = new Array(width).fill(null);
    for (const [h, v] of Object.entries(cells)) if (at(h) >= 0) r[at(h)] = v;
    return r;
  };
  const id = measures.headers.find((h) => String(h).startsWith("Id"))!;
  const effect = measures.headers.find((h) => String(h).startsWith("Helårseffekt"))!;
  const timing = measures.headers.find((h) => String(h).startsWith("Tidsaspekt"))!;
  const area = measures.headers.find((h) => String(h).startsWith("Område"))!;
  const name = measures.headers.find((h) => String(h).startsWith("Åtgärd"))!;
  return raw.map((t) =>
    t !== measures
      ? t
      : {
          ...t,
          rows: [
            ...t.rows,
            row({
              [id as string]: "N1",
              [name as string]: "Hösten",
              [area as string]: "Ny",
              [effect as string]: 2,
              [timing as string]: "Q4 2020, avtalet löper ut 2021-06-30",
            }),
            row({
              [id as string]: "N2",
              [name as string]: "Fel",
              [area as string]: "Ny",
              [effect as string]: "#DIV/0!",
              [timing as string]: "2021",
            }),
            row({
              [id as string]: "A03",
              [name as string]: "Dubblett",
              [area as string]: "Ny",
              [effect as string]: 1,
              [timing as string]: "2022",
            }),
          ],
        }
  );
}

const ids = fc.constantFrom<unknown>(
  "A01",
  "A03",
  "a03",
  " A14 ",
  "A14",
  "A20",
  "N1",
  "N2",
  "X99",
  3,
  null,
  "",
  true
);
const years = fc.constantFrom<unknown>(
  2019,
  2020,
  2021,
  2022,
  2024,
  1989,
  2101,
  2021.5,
  "2021",
  null
);
const months = fc.constantFrom<unknown>(undefined, null, 1, 3, 4, 12, 0, 13, "4", 2.5);
const bases = fc.constantFrom<unknown>(
  undefined,
  null,
  "plan",
  "prognos",
  "forecast",
  "Prognos",
  "x"
);
const areas = fc.constantFrom<unknown>(undefined, null, "", "Ny", "ny", " Ny ", "Okänt", 5);
const categories = fc.constantFrom<unknown>(undefined, null, 1, 3, "1", "Boende", "okänd", 11);

/** A call: which function, with which arguments. */
const call = fc.oneof(
  fc.tuple(fc.constant("savings" as const), ids, years, months, bases),
  fc.tuple(fc.constant("savingsYtd" as const), ids, years, months, bases),
  fc.tuple(fc.constant("totalSavings" as const), years, areas, months, bases),
  fc.tuple(fc.constant("transferBalance" as const), years, months, categories)
);

const ask = (q: PlanQueries, [fn, ...args]: [string, ...unknown[]]): FormulaResult =>
  (q[fn as "savings"] as (...a: unknown[]) => FormulaResult).apply(q, args);

describe("the answer cache", () => {
  it("gives bit for bit the general path's answer, value, notice and error alike (property)", () => {
    const data = readBalansWorkbook(tables());
    const warm = new PlanQueries(data);
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 30 }), (calls) => {
        for (const c of calls) {
          // A fresh read answers by the general path: nothing is cached there yet.
          const general = ask(new PlanQueries(data), c);
          const first = ask(warm, c);
          const again = ask(warm, c);
          for (const r of [first, again]) {
            expect(r).toEqual(general);
            if (r.ok && general.ok) expect(Object.is(r.value, general.value)).toBe(true);
          }
        }
      }),
      { numRuns: 200 }
    );
  });

  it("answers a repeated question without the general path, and errors always with it", () => {
    const q = new PlanQueries(readBalansWorkbook(tables()));
    const general = jest.spyOn(
      q as unknown as { savingsGeneral: () => FormulaResult },
      "savingsGeneral"
    );
    // the property above meets notices too: N1's timing gives an end, which is a notice
    expect(q.savings("N1", 2021)).toMatchObject({
      ok: true,
      notice: expect.stringContaining("2021-06-30"),
    });
    expect(q.totalSavings(2021, "Ny")).toMatchObject({ ok: true, notice: expect.any(String) });
    // an id as written is answered from its year's slots, never by the general path
    const first = q.savings("A14", 2021, 4);
    expect(general).toHaveBeenCalledTimes(0);
    // another spelling of it takes the general path once, then the cache
    expect(q.savings(" a14 ", 2021, 4)).toEqual(first);
    expect(general).toHaveBeenCalledTimes(1);
    for (let k = 0; k < 100; k++) {
      expect(q.savings("A14", 2021, 4)).toEqual(first);
      expect(q.savings(" a14 ", 2021, 4)).toEqual(first);
    }
    expect(general).toHaveBeenCalledTimes(1);
    q.savings("X99", 2021);
    q.savings("X99", 2021);
    expect(general).toHaveBeenCalledTimes(3);
    // an argument the cache does not key on (text year) takes the general path every time
    q.savings("A14", "2021");
    q.savings("A14", "2021");
    expect(general).toHaveBeenCalledTimes(5);
  });

  it("finds a measure by its id as written exactly as by any other spelling of it (property)", () => {
    const data = readBalansWorkbook(tables());
    const written = [...new Set(data.measures!.measures.map((m) => m.id))];
    const q = new PlanQueries(data);
    fc.assert(
      fc.property(
        fc.constantFrom(...written),
        years,
        months,
        bases,
        fc.boolean(),
        (id, year, month, basis, ytd) => {
          // another spelling of the same id: other case, spaces around; it takes the folded lookup
          const other = ` ${id === id.toLowerCase() ? id.toUpperCase() : id.toLowerCase()} `;
          const fn = ytd ? "savingsYtd" : "savings";
          const asWritten = new PlanQueries(data)[fn](id, year, month, basis);
          expect(asWritten).toEqual(new PlanQueries(data)[fn](other, year, month, basis));
          expect(q[fn](id, year, month, basis)).toEqual(asWritten);
        }
      ),
      { numRuns: 300 }
    );
    // the duplicate of A03 (a rejected row) answers with the problem however it is written
    expect(q.savings("A03", 2022)).toMatchObject({ ok: false, error: "invalidValue" });
  });
});
