#!/usr/bin/env node
// `npm start`: sideloads Balans into desktop Excel where there is one (Windows, Mac); elsewhere
// (Linux) serves the add-in and says how to load it into Excel on the web, instead of
// office-addin-debugging's silent "Platform not supported".
"use strict";
const { spawn } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");
const bin = (name) =>
  path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
const run = (cmd, args) => {
  const child = spawn(cmd, args, {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  child.on("exit", (code) => process.exit(code ?? 1));
};

if (process.platform === "win32" || process.platform === "darwin") {
  run(bin("office-addin-debugging"), ["start", "manifest.xml", ...process.argv.slice(2)]);
} else {
  const port = process.env.npm_package_config_dev_server_port || 3000;
  console.log(`
Balans: det finns inget Excel för skrivbordet på ${process.platform}. Tillägget serveras nu på
https://localhost:${port}/ – ladda in det i Excel på webben:

  1. Lita på utvecklingscertifikatet: kör \`npx office-addin-dev-certs install\` (kräver sudo),
     eller öppna https://localhost:${port}/taskpane.html i webbläsaren och godkänn certifikatet.
  2. Öppna en arbetsbok i Excel på webben (office.com).
  3. Start › Tillägg › Fler tillägg › Mina tillägg › Ladda upp mitt tillägg › välj
     ${path.join(root, "manifest.xml")}
  4. Knappen Balans finns på fliken Start; skriv =BALANS. i en cell för funktionerna.

Avsluta med Ctrl+C.
`);
  run(bin("webpack"), ["serve", "--mode", "development"]);
}
