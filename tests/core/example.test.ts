import * as fs from "fs";
import * as path from "path";
import { EXAMPLE_MEASURES } from "../../src/example/linkopingPlan2020";

// The example must be the plan as written, not a paraphrase: every name and timing is in the seed.
const seed = fs
  .readFileSync(path.join(__dirname, "../fixtures/seed-000-atgardsplan-2020.txt"), "utf8")
  .replace(/\s+/g, " ");
const squash = (s: string) => s.replace(/\s+/g, " ").replace(/\s*([()])\s*/g, "$1");

describe("the embedded example", () => {
  it("has 24 measures with unique ids A01…A24", () => {
    expect(EXAMPLE_MEASURES.map((m) => m.id)).toEqual(
      Array.from({ length: 24 }, (_, i) => `A${String(i + 1).padStart(2, "0")}`)
    );
  });

  it.each(EXAMPLE_MEASURES.map((m) => [m.id, m]))("%s keeps the plan's own timing text", (_, m) => {
    expect(squash(seed)).toContain(squash(m.timing));
  });

  it.each(EXAMPLE_MEASURES.map((m) => [m.id, m]))(
    "%s names the measure as the plan does",
    (_, m) => {
      // the plan hyphenates and wraps names; compare word by word
      const words = m.name.split(/\s+/).filter((w) => w.length > 3);
      for (const w of words) expect(seed).toContain(w.replace(/[()]/g, ""));
    }
  );
});
