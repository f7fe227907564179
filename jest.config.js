/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // The add-in keeps its runtime on globalThis (shared runtime); Jest 30 wraps such objects
  // in protective setters that recurse on class instances.
  testEnvironmentOptions: { globalsCleanup: "off" },
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // office-addin-mock imports office-addin-manifest, whose ESM dependencies Jest cannot load;
  // the mock only needs its OfficeApp enum.
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testTimeout: 30000,
};
