/* The task pane's entry; the page is also the shared runtime of the custom functions and commands. */
import { runningFormulas } from "../functions/sharedRuntime";
import { pickLanguage } from "./i18n";
import { startPane } from "./pane";

Office.onReady(() => {
  // `?lang=en` lets a browser outside Office (tests, screenshots) choose the language.
  const forced = new URLSearchParams(location.search).get("lang") ?? undefined;
  const language = pickLanguage(forced ?? Office.context?.displayLanguage);
  startPane(
    document,
    {
      // While the user edits a cell, Excel holds the pane's request instead of refusing it.
      run: (batch) => Excel.run({ delayForCellEdit: true }, batch),
      now: () => new Date(),
    },
    language,
    {
      // Outside Office (a plain browser) Office.js defines no Excel.
      outsideExcel: typeof Excel === "undefined",
      liveStatus: () => runningFormulas()?.status(),
    }
  );
});
