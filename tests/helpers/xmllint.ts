import { spawnSync } from "child_process";
import * as path from "path";

/** Microsoft's add-in manifest XSDs, copied with their README into the project's fixtures. */
export const MANIFEST_XSD = path.join(
  __dirname,
  "../fixtures/schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd"
);

export const XMLLINT_MISSING =
  "xmllint is not installed, so the manifest is not validated against Microsoft's schema: " +
  "apt-get install libxml2-utils (CI installs it in .ci/run)";

/** Whether xmllint (Debian libxml2-utils) is on this machine. */
export function hasXmllint(): boolean {
  return spawnSync("xmllint", ["--version"]).status === 0;
}

/**
 * `describe` when xmllint is here; on a developer's machine without it the tests are skipped with
 * a line saying how to install it. On CI they always run, so a missing xmllint fails there.
 */
export function describeWithXmllint(name: string, body: () => void): void {
  if (hasXmllint() || process.env.CI) {
    describe(name, body);
  } else {
    describe.skip(name, body);
    console.warn(XMLLINT_MISSING);
  }
}

export interface Validation {
  valid: boolean;
  /** What xmllint printed: the schema errors with line numbers. */
  output: string;
}

/** Validates an add-in manifest against the XSD, as Office does before it loads an add-in. */
export function validateManifest(file: string): Validation {
  const r = spawnSync("xmllint", ["--noout", "--schema", MANIFEST_XSD, file], {
    encoding: "utf8",
  });
  if (r.error) throw new Error(XMLLINT_MISSING);
  return { valid: r.status === 0, output: `${r.stdout}${r.stderr}` };
}
