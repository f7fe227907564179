import { numberFormatFor } from "../../src/core/layout";
import { formatRounded, roundComputed, roundTo } from "../../src/core/rounding";
import { formatSwedish } from "../../src/core/text";
import { formatAmount } from "../../src/cli/terminalTable";

describe("one rounding rule for sheets, terminal and messages", () => {
  it("removes the binary noise of computed amounts before anything is written", () => {
    expect(roundComputed(0.7 * 0.5)).toBe(0.35); // 0.3499999999999999 in binary arithmetic
    expect(roundComputed(0.1 + 0.25)).toBe(0.35); // 0.35000000000000003
    expect(roundComputed(62.900000000000006)).toBe(62.9);
    expect(roundComputed(1234567.891)).toBe(1234567.891); // öre in kronor are kept
    expect(Object.is(roundComputed(-0), 0)).toBe(true);
    expect(Object.is(roundComputed(-1e-17), 0)).toBe(true);
  });

  it("rounds half away from zero on the decimal value, so 0,35 shows 0,4 everywhere", () => {
    expect(roundTo(0.7 * 0.5, 1)).toBe(0.4);
    expect(roundTo(-0.35, 1)).toBe(-0.4);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(formatRounded(0.7 * 0.5, 1)).toBe("0,4");
    expect(formatAmount(0.7 * 0.5)).toBe("0,4"); // the terminal
    expect(formatSwedish(0.7 * 0.5, 1)).toBe("0,4"); // messages
    expect(formatSwedish(0.7 * 0.5)).toBe("0,35");
    expect(formatRounded(-1.5, 1)).toBe("\u22121,5");
  });

  it("never shows a negative zero", () => {
    expect(formatRounded(-0.03, 1)).toBe("0,0");
    expect(formatAmount(-0.04)).toBe("0,0");
    expect(formatRounded(-0.05, 1)).toBe("\u22120,1");
    // On a sheet the value stays; the cell's format shows it without its sign.
    expect(numberFormatFor("amount", -0.03)).toBe("#,##0.0;#,##0.0;0.0");
    expect(numberFormatFor("amount", -0.06)).toBe("#,##0.0;-#,##0.0;0.0");
    expect(numberFormatFor("amountPrecise", -0.004)).toBe("#,##0.0#;#,##0.0#;0.0");
    expect(numberFormatFor("amountPrecise", -0.03)).toBe("#,##0.0#;-#,##0.0#;0.0");
    expect(numberFormatFor("amount", 0.03)).toBe("#,##0.0;-#,##0.0;0.0");
  });
});
