import { monthNumber } from "../../../src/core/grammar/months";

describe("month words", () => {
  it("are the table's own: names an object has by inheritance are no month", () => {
    for (const word of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"])
      expect(monthNumber(word)).toBeUndefined();
    expect(monthNumber("Aug.")).toBe(8);
  });
});
