// Lint in the Office add-in convention (eslint-plugin-office-addins): load before read, sync after
// load and before read, no context.sync() in loops, null checks with isNullObject; Prettier
// formatting with the Office settings. TypeScript itself checks names (tsc --noEmit).
const officeAddins = require("eslint-plugin-office-addins");
const tseslint = require("typescript-eslint");

module.exports = [
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "tests/browser/output/**",
      "bench/output/**",
    ],
  },
  ...officeAddins.configs.recommended,
  {
    // The plugin's own config names the TypeScript parser in a way that resolves to nothing here.
    languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" },
    rules: {
      "no-undef": "off",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-navigational-load": "off",
    },
  },
  {
    // The Office rules know Office.js by its method names; exceljs and the engine use the same
    // names (getRow, values) for other things.
    files: [
      "src/core/**",
      "src/adapters/xlsx/**",
      "src/cli/**",
      "src/example/**",
      "tests/**",
      "scripts/**",
      "bench/**",
    ],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
    },
  },
];
