/* Builds the add-in: task pane (the shared runtime page), custom functions and ribbon commands. */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { SwedishFunctionsPlugin } = require("./scripts/localize-functions");

const DEV_URL = "https://localhost:3000/";

/** The URL the production manifest points at: `npm run build -- --env url=https://…/`. */
function productionUrl(env) {
  const url = env.url || process.env.BALANS_URL || DEV_URL;
  if (!/^https:\/\/[^\s"<>]+\/$/.test(url)) {
    throw new Error(
      `The add-in URL must be https and end with "/", e.g. https://balans.example.se/ (got ${url})`
    );
  }
  return url;
}

async function httpsOptions() {
  try {
    // Certificates made by `npx office-addin-dev-certs install`; Office requires https.
    return await require("office-addin-dev-certs").getHttpsServerOptions();
  } catch {
    return undefined; // webpack-dev-server then makes a self-signed certificate of its own
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const url = dev ? DEV_URL : productionUrl(env);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: true,
      // Chunks (import.js) load from beside taskpane.html, which sits beside the bundles. A fixed
      // path, not "auto": auto's runtime probes the global with new Function and importScripts,
      // which the security test (and a strict CSP) refuses.
      publicPath: "",
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { configFile: "tsconfig.web.json", onlyCompileBundledFiles: true },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new SwedishFunctionsPlugin({
        input: "functions.json",
        output: "functions-sv.json",
        names: path.resolve(__dirname, "src/functions/functions-sv.names.json"),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime: one page runs the pane, the custom functions and the commands.
        chunks: ["functions", "commands", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-16.png", to: "assets/[name][ext]" },
          { from: "assets/icon-32.png", to: "assets/[name][ext]" },
          { from: "assets/icon-64.png", to: "assets/[name][ext]" },
          { from: "assets/icon-80.png", to: "assets/[name][ext]" },
          { from: "assets/icon-128.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          // The help page the manifest's SupportUrl and LearnMoreUrl point at, Swedish and English.
          { from: "src/help/hjalp.html", to: "hjalp.html" },
          { from: "src/help/help.html", to: "help.html" },
          { from: "src/help/help.css", to: "help.css" },
          // Static hosts read these from the site's root: they send Access-Control-Allow-Origin
          // for functions.json / functions-sv.json, which Excel on the web fetches cross-origin.
          { from: "assets/hosting/staticwebapp.config.json", to: "staticwebapp.config.json" },
          { from: "assets/hosting/web.config", to: "web.config" },
          { from: "assets/hosting/_headers", to: "_headers", toType: "file" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().split(DEV_URL).join(url)),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await httpsOptions() },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      // Excel (desktop, or on the web in this machine's browser) loads the add-in from this machine.
      host: "localhost",
      hot: false,
      liveReload: false,
    },
  };
};
