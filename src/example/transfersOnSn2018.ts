import { INSATSER } from "../core/insatser";
import { AgreementRow, FollowUpRow, OrderRow, TransferRow } from "../core/sheets/inputTables";

/**
 * A transfer ledger modelled on seed 003 (ON → SN, särskilt individuella insatser, 2018). What the
 * decision states: ON's budget holds 16,8 mnkr for IFO's särskilt individuella insatser; from
 * 1 April 7 mnkr of it finance options and extended assignments in the general contracts
 * (boendestöd, familjestödjande insatser); the remaining 9,8 mnkr stay with SN. The split per
 * insats, the agreements and the actuals are illustrative and say so in Kommentar.
 */
const insats = (n: number) => `${n} - ${INSATSER[n - 1]}`;
const d = (year: number, month: number, day: number) => ({ year, month, day });
const EXAMPLE = "Exempel (påhittad fördelning)";

export const EXAMPLE_TRANSFERS: readonly TransferRow[] = [
  {
    date: d(2018, 1, 15),
    from: "ON",
    to: "SN",
    category: insats(1),
    amount: 2.4,
    comment: `Del av ON:s 16,8 mnkr för särskilt individuella insatser inom IFO (seed 003). ${EXAMPLE}`,
  },
  {
    date: d(2018, 1, 15),
    from: "ON",
    to: "SN",
    category: insats(2),
    amount: 2.1,
    comment: `Del av ON:s 16,8 mnkr (seed 003). ${EXAMPLE}`,
  },
  {
    date: d(2018, 1, 15),
    from: "ON",
    to: "SN",
    category: insats(8),
    amount: 5.6,
    comment: `Del av ON:s 16,8 mnkr (seed 003). ${EXAMPLE}`,
  },
  {
    date: d(2018, 1, 15),
    from: "ON",
    to: "SN",
    category: insats(10),
    amount: 6.7,
    comment: `Del av ON:s 16,8 mnkr (seed 003). ${EXAMPLE}`,
  },
  {
    date: d(2018, 4, 1),
    from: "SN",
    to: "ON",
    category: insats(8),
    amount: 3.6,
    comment: `Optioner och utökat uppdrag, boendestöd i generella avtal från 1 april (seed 003: 7 mnkr). ${EXAMPLE}`,
  },
  {
    date: d(2018, 4, 1),
    from: "SN",
    to: "ON",
    category: insats(10),
    amount: 3.4,
    comment: `Optioner och utökat uppdrag, familjestödjande insatser i generella avtal från 1 april (seed 003: 7 mnkr). ${EXAMPLE}`,
  },
];

export const EXAMPLE_ORDER: readonly OrderRow[] = [
  { category: insats(1), need: "ca 30 familjer", budget: 2.4, comment: EXAMPLE },
  { category: insats(2), need: "ca 45 personer", budget: 2.1, comment: EXAMPLE },
  { category: insats(8), need: "insatser i annan kommun", budget: 2.0, comment: EXAMPLE },
  { category: insats(10), need: "särskilda ärenden", budget: 3.3, comment: EXAMPLE },
];

const AGREEMENT_NOTE = "Exempel: påhittat avtal";
export const EXAMPLE_AGREEMENTS: readonly AgreementRow[] = [
  {
    id: "AV-01",
    category: insats(1),
    provider: "Stödfamiljen AB",
    law: "SoL",
    signed: d(2017, 12, 15),
    start: d(2018, 1, 1),
    end: d(2018, 6, 30),
    scope: "4 familjer",
    monthlyCost: 0.06,
    comment: AGREEMENT_NOTE,
  },
  {
    id: "AV-02",
    category: insats(8),
    provider: "Boendestöd Öst",
    law: "SoL",
    signed: d(2017, 12, 20),
    start: d(2018, 1, 1),
    end: d(2018, 3, 31),
    scope: "20 tim/v",
    monthlyCost: 0.18,
    comment: `${AGREEMENT_NOTE}; särskilt avtal januari–mars (seed 003)`,
  },
  {
    id: "AV-03",
    category: insats(10),
    provider: "Familjebehandling AB",
    law: "SoL",
    signed: d(2017, 12, 20),
    start: d(2018, 1, 1),
    end: d(2018, 3, 31),
    scope: "8 tim/v",
    monthlyCost: 0.21,
    comment: `${AGREEMENT_NOTE}; särskilt avtal januari–mars (seed 003)`,
  },
  {
    id: "AV-04",
    category: insats(10),
    provider: "Annan kommun",
    law: "SoL",
    signed: d(2018, 1, 20),
    start: d(2018, 2, 1),
    end: d(2018, 12, 31),
    scope: "insats i annan kommun",
    monthlyCost: 0.15,
    comment: AGREEMENT_NOTE,
  },
  {
    id: "AV-05",
    category: insats(2),
    provider: "Kontaktpersonerna HB",
    law: "LSS",
    signed: d(2018, 5, 10),
    start: d(2018, 5, 16),
    end: d(2018, 12, 31),
    scope: "8 tim/mån",
    monthlyCost: 0.012,
    comment: AGREEMENT_NOTE,
  },
  {
    id: "AV-06",
    category: insats(8),
    provider: "Annan kommun",
    law: "SoL",
    signed: d(2018, 8, 14),
    start: d(2018, 8, 20),
    end: d(2018, 12, 31),
    scope: "15 tim/v",
    monthlyCost: 0.095,
    comment: AGREEMENT_NOTE,
  },
  {
    id: "AV-07",
    category: insats(10),
    provider: "Behandlingshem Väst",
    law: "SoL",
    signed: d(2018, 8, 2),
    start: d(2018, 9, 1),
    end: d(2018, 12, 15),
    scope: "1 plats",
    monthlyCost: 0.16,
    comment: AGREEMENT_NOTE,
  },
  {
    id: "AV-08",
    category: insats(1),
    provider: "Stödfamiljen AB",
    law: "LSS",
    signed: d(2018, 6, 25),
    start: d(2018, 7, 1),
    end: d(2018, 12, 31),
    scope: "3 familjer",
    monthlyCost: 0.045,
    comment: AGREEMENT_NOTE,
  },
  {
    id: "AV-09",
    category: insats(2),
    provider: "Kontaktpersonerna HB",
    law: "SoL",
    signed: d(2018, 1, 5),
    start: d(2018, 1, 1),
    end: d(2018, 12, 31),
    scope: "12 personer",
    monthlyCost: 0.14,
    comment: AGREEMENT_NOTE,
  },
];

/** Follow-up of the 2020 plan through August, when monthly reporting starts (seed 000). */
const FOLLOW_UP_NOTE = "Exempel: påhittat utfall";
export const EXAMPLE_FOLLOW_UP: readonly FollowUpRow[] = [
  {
    id: "A23",
    month: "2020-06",
    actual: 0.175,
    status: "Genomförd",
    comment: `${FOLLOW_UP_NOTE}, januari–juni`,
  },
  { id: "A23", month: "2020-07", actual: 0.03, status: "Genomförd", comment: FOLLOW_UP_NOTE },
  { id: "A23", month: "2020-08", actual: 0.03, status: "Genomförd", comment: FOLLOW_UP_NOTE },
  {
    id: "A03",
    month: "2020-07",
    actual: 0.05,
    status: "Pågår",
    comment: `${FOLLOW_UP_NOTE}; regionens delfinansiering från juli`,
  },
  { id: "A03", month: "2020-08", actual: 0.08, status: "Pågår", comment: FOLLOW_UP_NOTE },
  {
    id: "A06",
    month: "2020-07",
    actual: 0.3,
    status: "Pågår",
    comment: `${FOLLOW_UP_NOTE}; augusti ej rapporterad`,
  },
  { id: "A08", month: "2020-07", actual: 0.2, status: "Pågår", comment: FOLLOW_UP_NOTE },
  {
    id: "A08",
    month: "2020-08",
    actual: 0.15,
    status: "Försenad",
    comment: `${FOLLOW_UP_NOTE}; två vakanser tillsattes`,
  },
  { id: "A16", month: "2020-07", actual: 0.25, status: "Pågår", comment: FOLLOW_UP_NOTE },
  { id: "A16", month: "2020-08", actual: 0.25, status: "Pågår", comment: FOLLOW_UP_NOTE },
  {
    id: "A20",
    month: "2020-08",
    actual: 0,
    status: "Avbruten",
    comment: `${FOLLOW_UP_NOTE}; samverkansavtalet sägs inte upp`,
  },
];
