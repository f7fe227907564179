/**
 * The embedded example: Linköping's social- och omsorgsnämnd, action plan for 2020 (seed 000).
 * Område is the plan's section heading; Tidsaspekt is the plan's text with its wrapped lines
 * joined; Kommentar keeps the plan's Kostnadsreducering text where it says more than a number.
 */
export interface ExampleMeasure {
  id: string;
  area: string;
  name: string;
  /** mnkr per full year. */
  annual: number;
  timing: string;
  dependency?: string;
  comment?: string;
  /** An illustrative forecast (not in the plan), marked so in the comment. */
  forecastAnnual?: number;
  forecastStart?: string;
}

/** How the example marks a forecast it made up to show the feature. */
export const ILLUSTRATIVE_FORECAST = "Prognos: illustrativ, inte ur planen";

const ORG = "Organisatoriska/metodrelaterade åtgärder";
const WORK = "Arbetsinriktade insatser";
const ADULTS = "Insatser till vuxna, individ och familjeomsorg";
const YOUTH = "Insatser för barn och unga";
const DISABILITY = "Insatser för funktionsnedsatta";
const GRANTS = "Föreningsbidrag";

const LEANLINK = "Dialog med Leanlink";

export const EXAMPLE_MEASURES: readonly ExampleMeasure[] = [
  {
    id: "A01",
    area: ORG,
    name: "Systematisk uppföljning samt genom att matcha rätt insats",
    annual: 4,
    timing: "2021",
  },
  {
    id: "A02",
    area: ORG,
    name: "Översyn arbetssätt, skapa kostnadsmedvetenhet kring placeringskostnader – kortare uppsägningstid och mellantvång",
    annual: 4,
    timing: "2021",
  },
  {
    id: "A03",
    area: ORG,
    name: "Gemensamt HVB",
    annual: 1,
    timing: "Q 3 2020",
    dependency: "Delfinansiering från Regionen",
    comment: "1 mnkr (lägre kostnader och delfinansiering från Regionen)",
  },
  {
    id: "A04",
    area: ORG,
    name: "Nya riktlinjer stöd vid umgänge",
    annual: 0.5,
    timing: "2021 (pga. utredningsarbete)",
    comment: "Ca 0,5 mnkr",
  },
  {
    id: "A05",
    area: ORG,
    name: "Nya riktlinjer för boendestöd",
    annual: 4,
    timing: "2021 (pga. utredningsarbete)",
  },
  { id: "A06", area: ORG, name: "Riktlinjer för boendestöd med bas", annual: 4, timing: "Q3 2020" },
  {
    id: "A07",
    area: ORG,
    name: "Nya riktlinjer vid erbjudande av bostad med särskild service",
    annual: 3,
    timing: "2021 (pga. utredningsarbete)",
    comment:
      "Reducering av kostnader för obelagda platser samt viten för ej verkställda beslut, 3 mnkr",
  },
  {
    id: "A08",
    area: ORG,
    name: "Vakansprövning av tjänster vid social och omsorgsförvaltningen samt successivt minska antalet konsulter (socialsekreterare)",
    annual: 3,
    timing: "Q 3 2020",
    forecastAnnual: 2,
    comment: `${ILLUSTRATIVE_FORECAST} (två vakanser tillsattes: 2 mnkr per helår i stället för 3).`,
  },
  {
    id: "A09",
    area: WORK,
    name: "Samordning och effektivisering av arbetsinriktade insatser",
    annual: 4,
    timing: "2021",
  },
  {
    id: "A10",
    area: ADULTS,
    name: "Akutboendeteam",
    annual: 1.5,
    timing: "2021 (Dialog med Leanlink)",
    dependency: LEANLINK,
  },
  {
    id: "A11",
    area: ADULTS,
    name: "Team bo kvar",
    annual: 1.4,
    timing: "2021(Dialog med Leanlink)",
    dependency: LEANLINK,
  },
  {
    id: "A12",
    area: ADULTS,
    name: "Reducering hyra beroendemottagningen",
    annual: 0.6,
    timing: "Q 4 2020 ( helår 2021)",
    comment: "Ca 0,6 mnkr",
  },
  {
    id: "A13",
    area: ADULTS,
    name: "Social samvaro och aktivitet",
    annual: 2.2,
    timing: "2023-01-01 (avtalsbundet)",
    dependency: "Avtalsbundet",
  },
  {
    id: "A14",
    area: ADULTS,
    name: "Ny upphandling stödboende för våldsutsatta kvinnor med missbruksproblematik",
    annual: 1.6,
    timing: "2021 (nytt avtal från 2021-04-01) Full effekt helår 2022",
    dependency: "Nytt avtal från 2021-04-01",
  },
  {
    id: "A15",
    area: YOUTH,
    name: "Utöka platser på stödboende för ungdomar",
    annual: 5,
    timing: "Från Q 4 2020",
    forecastStart: "januari 2021",
    comment: `Reducering av kostnader på HVB, ca 5,0 mnkr. ${ILLUSTRATIVE_FORECAST} (platserna öppnar ett kvartal senare).`,
  },
  {
    id: "A16",
    area: YOUTH,
    name: "Färre avrop av IHF (intensiv hemmabaserad familjebehandling)",
    annual: 3,
    timing: "Från Q 3 2020",
  },
  {
    id: "A17",
    area: YOUTH,
    name: "Reducering av årsarbetare, brottsförebyggande brobyggare",
    annual: 0.65,
    timing: "2021 (Dialog med Leanlink)",
    dependency: LEANLINK,
  },
  {
    id: "A18",
    area: YOUTH,
    name: "Utreda möjligheten att ersätta konsulentstödda familjehem med kommunanställda",
    annual: 1.1,
    timing: "2022 (Utredningsarbete)",
    comment: "Reducering av kostnader för 5 barn, ca 1,1 mnkr",
  },
  {
    id: "A19",
    area: DISABILITY,
    name: "Översyn av verksamheter/avtal",
    annual: 8.5,
    timing: "2021 (Dialog med Leanlink)",
    dependency: LEANLINK,
  },
  {
    id: "A20",
    area: DISABILITY,
    name: "Förändrat uppdrag Barnhemsgatan, ny boendeform stödboende",
    annual: 3.1,
    timing: "Q 4 2020 (Uppsägning av samverkansöverenskommelse med Regionen)",
    dependency: "Uppsägning av samverkansöverenskommelse med Regionen",
  },
  {
    id: "A21",
    area: DISABILITY,
    name: "Psykiatrisk hemtjänst",
    annual: 3,
    timing: "2021 (pga. utredningarbete)",
  },
  {
    id: "A22",
    area: DISABILITY,
    name: "Förändrat uppdrag personligt ombud",
    annual: 3,
    timing: "2021 (pga utredningsarbete)",
  },
  { id: "A23", area: GRANTS, name: "Reducering av föreningsbidrag", annual: 0.35, timing: "2020" },
  {
    id: "A24",
    area: GRANTS,
    name: "Nya riktlinjer för föreningsbidrag",
    annual: 0.4,
    timing: "2021",
  },
];

/** The forecast deficit the plan answers: 57 mnkr at year-end 2020 (budget not stated). */
export const EXAMPLE_DEFICITS = [{ year: 2020, deficit: 57 }] as const;

/** The section sums the plan states, in plan order (mnkr). */
export const EXAMPLE_STATED_AREA_SUMS: ReadonlyArray<[string, number]> = [
  [ORG, 23.5],
  [WORK, 4.0],
  [ADULTS, 7.3],
  [YOUTH, 9.75],
  [DISABILITY, 17.6],
  [GRANTS, 0.75],
];

/** The plan's table Kostnadsreducering per år, as printed (mnkr, one decimal). */
export const EXAMPLE_STATED_PER_YEAR: ReadonlyArray<[number, number]> = [
  [2020, 8.0],
  [2021, 59.2],
  [2022, 60.7],
  [2023, 62.9],
  [2024, 62.9],
];
