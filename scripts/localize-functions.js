// Builds functions-sv.json from the generated functions.json and the Swedish names table:
// same ids, Swedish names and descriptions. Used by webpack.config.js and by the tests.
"use strict";

function localizeFunctions(metadata, table) {
  const missing = metadata.functions.filter((f) => !table[f.id]).map((f) => f.id);
  if (missing.length)
    throw new Error(`functions-sv.names.json has no Swedish name for: ${missing.join(", ")}`);
  return {
    ...metadata,
    functions: metadata.functions.map((f) => {
      const sv = table[f.id];
      return {
        ...f,
        name: sv.name,
        description: sv.description,
        parameters: (f.parameters || []).map((p) => {
          const t = sv.parameters[p.name];
          if (!t)
            throw new Error(
              `functions-sv.names.json: ${f.id} has no translation for parameter ${p.name}`
            );
          return { ...p, name: t[0], description: t[1] };
        }),
      };
    }),
  };
}

/** A webpack plugin that emits functions-sv.json after the metadata plugin emits functions.json. */
class SwedishFunctionsPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("SwedishFunctionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "SwedishFunctionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const english = compilation.getAsset(this.options.input);
          if (!english) return;
          const table = JSON.parse(require("fs").readFileSync(this.options.names, "utf8"));
          compilation.fileDependencies.add(this.options.names);
          const swedish = localizeFunctions(JSON.parse(english.source.source().toString()), table);
          compilation.emitAsset(
            this.options.output,
            new sources.RawSource(JSON.stringify(swedish, null, 2))
          );
        }
      );
    });
  }
}

module.exports = { localizeFunctions, SwedishFunctionsPlugin };
