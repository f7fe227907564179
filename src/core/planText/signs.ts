import { Problem } from "../problems";
import { formatSwedish } from "../text";
import { IMPORT_TABLE, RawMeasure } from "./types";

/**
 * Signs in a plan's table. Balans has one rule, the Atgarder table's: a saving is a positive
 * amount, and a negative Helårseffekt is a problem (measures.ts). A plan that writes savings with
 * a minus (`-2 500`, `minus = minskad kostnad`) mixes them with cost increases (`+400`): which
 * row is a saving cannot be told with certainty, so every amount row of such a table is a problem
 * (an error: the user writes the savings as positive amounts), and its sums are not checked.
 */
export function checkSigns(
  measures: readonly RawMeasure[],
  column: { header: string; key: string },
  problems: Problem[]
): boolean {
  const amounts = (r: RawMeasure) => [
    ...(r.measure.annual !== undefined ? [r.measure.annual] : []),
    ...Object.values(r.measure.perYear ?? {}),
  ];
  if (!measures.some((r) => amounts(r).some((v) => v < 0))) return false;
  for (const r of measures) {
    const values = amounts(r);
    if (values.length === 0) continue;
    const negative = values.find((v) => v < 0);
    r.measure.confidence = Math.min(r.measure.confidence, 0.3);
    problems.push({
      table: IMPORT_TABLE,
      row: r.measure.line,
      column: column.header,
      key: column.key,
      severity: "error",
      message:
        negative !== undefined
          ? `»${r.measure.name}« har ett negativt belopp (${formatSwedish(negative)} ${r.unit}); Atgarder tar bara emot besparingar som positiva belopp. Skriv besparingen utan minustecken.`
          : `»${r.measure.name}« (${formatSwedish(values[0])} ${r.unit}): tabellen har negativa belopp, så det är osäkert om detta är en besparing eller en kostnadsökning. Skriv besparingar som positiva belopp och ta bort kostnadsökningar.`,
    });
  }
  return true;
}
