import fc from "fast-check";
import { foldText, foldTextGeneral } from "../../src/core/text";

describe("foldText", () => {
  it("folds case, diacritics and spaces as written in the contract", () => {
    expect(foldText("  Åtgärd\u00a0 A03 ")).toBe("atgard a03");
    expect(foldText("A03")).toBe("a03");
    expect(foldText("Område  1")).toBe("omrade 1");
    expect(foldText("M 1")).toBe("m 1");
    expect(foldText("M  1")).toBe("m 1");
    expect(foldText(" M1")).toBe("m1");
    expect(foldText("M1\t")).toBe("m1");
    expect(foldText("")).toBe("");
  });

  it("gives the general folding's text for any text, plain ASCII or not (property)", () => {
    const pieces = fc.constantFrom(
      "A",
      "b",
      "0",
      " ",
      "  ",
      "\t",
      "\u00a0",
      "é",
      "Å",
      "e\u0301",
      "-",
      "~",
      "\n",
      "ß",
      "İ"
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "grapheme" }),
          fc.array(pieces).map((a) => a.join(""))
        ),
        (text) => {
          expect(foldText(text)).toBe(foldTextGeneral(text));
        }
      ),
      { numRuns: 2000 }
    );
  });
});
