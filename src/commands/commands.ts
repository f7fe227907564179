/* Ribbon commands; they run in the shared runtime beside the pane and the custom functions. */
import { runningFormulas } from "../functions/sharedRuntime";

/** Ribbon button "Uppdatera": reads the tables again and updates every Balans formula now. */
async function refreshFormulas(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await runningFormulas()?.refreshNow();
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("refreshFormulas", refreshFormulas);
});
