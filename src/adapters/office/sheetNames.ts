import { foldText } from "../../core/text";

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/**
 * Sheet names taken in a workbook (ignoring case, as Excel does), handing out free ones: the name
 * asked for, or `name (2)`, `name (3)`, … cut to fit Excel's 31 characters.
 */
export class SheetNames {
  private readonly taken: Set<string>;

  constructor(names: readonly string[]) {
    this.taken = new Set(names.map(foldText));
  }

  /** A free name like `name`, now taken. */
  claim(name: string): string {
    let sheet = name;
    for (let n = 2; this.taken.has(foldText(sheet)); n++)
      sheet = `${name.slice(0, MAX_SHEET_NAME - ` (${n})`.length)} (${n})`;
    this.taken.add(foldText(sheet));
    return sheet;
  }
}
