#!/usr/bin/env node
// The command line's entry: the compiled CLI lives in dist/node (built by `npm run build:cli`).
const path = require("path");
const fs = require("fs");
const main = path.join(__dirname, "..", "dist", "node", "cli", "main.js");
if (!fs.existsSync(main)) {
  process.stderr.write(
    "balans: the command line is not built yet; run `npm run build` (or `npm run build:cli`) first.\n"
  );
  process.exit(1);
}
require(main)
  .run(process.argv.slice(2), require(main).processIo)
  .then((code) => {
    // exitCode, not exit(): lets a large JSON document finish flushing to a pipe.
    process.exitCode = code;
  });
