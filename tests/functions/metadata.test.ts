import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

const { localizeFunctions } = require("../../scripts/localize-functions");

interface Parameter {
  name: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
  description?: string;
}
interface FunctionMeta {
  id: string;
  name: string;
  description: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
  options?: { stream?: boolean };
}

const root = path.join(__dirname, "../..");
let english: { functions: FunctionMeta[] };

beforeAll(async () => {
  // The same generator custom-functions-metadata-plugin runs in the webpack build.
  const result = await generateCustomFunctionsMetadata(
    path.join(root, "src/functions/functions.ts"),
    false
  );
  expect(result.errors).toEqual([]);
  english = JSON.parse(result.metadataJson);
}, 60_000);

const byId = (id: string) => english.functions.find((f) => f.id === id)!;
// `[][]` marks a matrix parameter: a range, or a single value as a 1×1 range.
const signature = (f: FunctionMeta) =>
  f.parameters
    .map(
      (p) =>
        `${p.name}:${p.type}${p.dimensionality === "matrix" ? "[][]" : ""}${p.optional ? "?" : ""}`
    )
    .join(", ");

describe("functions.json", () => {
  it("has the contract's functions, with English names as ids", () => {
    expect(english.functions.map((f) => f.id).sort()).toEqual([
      "PLANREQUIRED",
      "RESIDUALDEFICIT",
      "SAVINGS",
      "SAVINGSYTD",
      "STARTDATE",
      "TOTALSAVINGS",
      "TRANSFERBALANCE",
    ]);
    for (const f of english.functions) expect(f.name).toBe(f.id);
  });

  it("declares the contract's parameters, optional ones as optional", () => {
    expect(signature(byId("SAVINGS"))).toBe(
      "measureId:any[][], year:any[][], month:any[][]?, basis:any?"
    );
    expect(signature(byId("SAVINGSYTD"))).toBe(
      "measureId:any[][], year:any[][], month:any[][], basis:any?"
    );
    expect(signature(byId("TOTALSAVINGS"))).toBe(
      "year:any[][], area:any[][]?, month:any[][]?, basis:any?"
    );
    expect(signature(byId("RESIDUALDEFICIT"))).toBe("year:number, basis:any?");
    expect(signature(byId("STARTDATE"))).toBe("measureOrTiming:any");
    expect(signature(byId("TRANSFERBALANCE"))).toBe("year:number, month:number, category:any?");
    expect(signature(byId("PLANREQUIRED"))).toBe("deficit:number, budget:number, threshold:any?");
  });

  it("streams the functions that read the workbook, so they update without F9", () => {
    for (const id of [
      "SAVINGS",
      "SAVINGSYTD",
      "TOTALSAVINGS",
      "RESIDUALDEFICIT",
      "STARTDATE",
      "TRANSFERBALANCE",
    ]) {
      expect(byId(id).options?.stream).toBe(true);
    }
    // The spill forms answer a matrix of numbers, "" (an empty row) and errors; the others a number.
    for (const id of ["SAVINGS", "SAVINGSYTD", "TOTALSAVINGS"])
      expect(byId(id).result).toEqual({ dimensionality: "matrix" });
    for (const id of ["RESIDUALDEFICIT", "STARTDATE", "TRANSFERBALANCE"])
      expect(byId(id).result).toEqual({ type: "number" });
    expect(byId("PLANREQUIRED").options?.stream).toBeFalsy();
    expect(byId("PLANREQUIRED").result.type).toBe("boolean");
  });
});

describe("functions-sv.json", () => {
  const table = JSON.parse(
    fs.readFileSync(path.join(root, "src/functions/functions-sv.names.json"), "utf8")
  );

  it("has every id with the Swedish name of the contract", () => {
    const swedish = localizeFunctions(english, table) as { functions: FunctionMeta[] };
    expect(Object.fromEntries(swedish.functions.map((f) => [f.id, f.name]))).toEqual({
      SAVINGS: "BESPARING",
      SAVINGSYTD: "BESPARINGACK",
      TOTALSAVINGS: "TOTALBESPARING",
      RESIDUALDEFICIT: "RESTUNDERSKOTT",
      STARTDATE: "STARTDATUM",
      PLANREQUIRED: "ATGARDSPLANKRAV",
      TRANSFERBALANCE: "OVERFORINGSSALDO",
    });
    for (const f of swedish.functions) {
      const en = byId(f.id);
      expect(f.description).not.toBe(en.description);
      expect(f.parameters.map((p) => [p.type, !!p.optional])).toEqual(
        en.parameters.map((p) => [p.type, !!p.optional])
      );
      for (const p of f.parameters) expect(p.description).toBeTruthy();
    }
  });

  it("fails the build when a function has no Swedish name", () => {
    const withNew = {
      functions: [...english.functions, { ...byId("SAVINGS"), id: "NEWFUNCTION" }],
    };
    expect(() => localizeFunctions(withNew, table)).toThrow(/no Swedish name for: NEWFUNCTION/);
  });
});
