/* The task pane; it is also the shared runtime page of the custom functions and commands. */
Office.onReady(() => {
  const status = document.getElementById("status");
  if (status) status.textContent = "Balans är laddat. Skriv =BALANS. i en cell för att se funktionerna.";
});
