import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** The project's root: the nearest folder up with webpack.config.js (this file also runs compiled, from dist/bench). */
function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "webpack.config.js"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("webpack.config.js not found above " + __dirname);
    dir = up;
  }
  return dir;
}

export interface Build {
  ok: boolean;
  /** What webpack printed, for a failure's message. */
  output: string;
}

/** Builds the add-in with the project's webpack config into `outDir`, as `npm run build` would. */
export function buildAddin(
  outDir: string,
  mode: "production" | "development",
  url?: string
): Build {
  const root = projectRoot();
  const args = [
    path.join(root, "node_modules/webpack/bin/webpack.js"),
    "--mode",
    mode,
    "--output-path",
    outDir,
  ];
  if (url) args.push("--env", `url=${url}`);
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}
