import { fromExcelSerial, toExcelSerial, toIsoDate } from "../../src/core/dates";
import { readDateCell } from "../../src/core/grammar";

describe("Excel serial dates", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [43831, "2020-01-01"],
    [44287, "2021-04-01"],
    [44287.75, "2021-04-01"],
  ])("serial %d is %s", (serial, iso) => expect(toIsoDate(fromExcelSerial(serial))).toBe(iso));

  it("round-trips every day of 2020–2024", () => {
    for (let s = 43831; s < 45658; s++) expect(toExcelSerial(fromExcelSerial(s))).toBe(s);
  });
});

describe("readDateCell", () => {
  const read = (v: unknown) => {
    const r = readDateCell(v, "start");
    return r.ok ? r.date : undefined;
  };
  it("reads serials, JS dates and ISO text", () => {
    expect(read(44287)).toEqual({ year: 2021, month: 4, day: 1 });
    expect(read(new Date(Date.UTC(2021, 3, 1)))).toEqual({ year: 2021, month: 4, day: 1 });
    expect(read("2021-04-01")).toEqual({ year: 2021, month: 4, day: 1 });
    expect(read("2021-04")).toEqual({ year: 2021, month: 4, day: 1 });
    expect(read("2021-04-01T00:00:00.000Z")).toEqual({ year: 2021, month: 4, day: 1 });
  });

  it("refuses what is not a date", () => {
    for (const v of ["i april", "2021-02-30", -5, Number.NaN, true, null, new Date("x")]) {
      expect(read(v)).toBeUndefined();
    }
  });
});
