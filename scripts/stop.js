#!/usr/bin/env node
// `npm stop`: ends desktop sideloading; on Linux the dev server from `npm start` ends with Ctrl+C.
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

if (process.platform === "win32" || process.platform === "darwin") {
  const bin = path.join(
    __dirname,
    "..",
    "node_modules",
    ".bin",
    process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging"
  );
  const r = spawnSync(bin, ["stop", "manifest.xml"], {
    cwd: path.join(__dirname, ".."),
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exit(r.status ?? 1);
} else {
  console.log(
    "Balans: inget att stoppa här; avsluta `npm start` med Ctrl+C, och ta bort tillägget i Excel på webben under Mina tillägg."
  );
}
