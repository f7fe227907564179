/* The task pane's entry; the page is also the shared runtime of the custom functions and commands. */
import { pickLanguage } from "./i18n";
import { startPane } from "./pane";

Office.onReady(() => {
  // `?lang=en` lets a browser outside Office (tests, screenshots) choose the language.
  const forced = new URLSearchParams(location.search).get("lang") ?? undefined;
  const language = pickLanguage(forced ?? Office.context?.displayLanguage);
  startPane(document, { run: (batch) => Excel.run(batch), now: () => new Date() }, language);
});
