/** The code of an error from Office.js (e.g. `ItemNotFound`), or a short name for any other. */
export function errorCode(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown } | undefined;
  if (e && typeof e.code === "string" && e.code) return e.code;
  if (e && typeof e.name === "string" && e.name && e.name !== "Error") return e.name;
  return "Okänt fel";
}

/** Whether an error came from Excel (a RichApi error carries a code), not from Balans itself. */
export function isOfficeError(error: unknown): boolean {
  const e = error as { code?: unknown; name?: unknown } | undefined;
  return !!e && typeof e.code === "string" && e.name !== "BalansError";
}
