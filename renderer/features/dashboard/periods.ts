// The key figures' periods, as the dashboard's control and its printed page name them.
import type { CooperationDashboard, DashboardPeriod } from '../../../preload/contract';

export const PERIOD_OPTIONS: { value: DashboardPeriod; label: string }[] = [
  { value: 'all', label: 'Depuis le début' },
  { value: 'year', label: 'Cette année' },
  { value: 'since-codiri', label: 'Depuis le dernier CODIRI' },
];

export type KeyFigure = CooperationDashboard['figures']['figures'][number];

/** What each section counts, said on its heading. */
const SECTION_TITLES: Record<string, string> = { Réunions: 'Réunions tenues', Chantiers: 'Chantiers et pistes', Actions: "Actions, aujourd'hui" };

/** The figures in their sections, in the order db/chantiers/figures.ts gives them. */
export function figureSections(figures: KeyFigure[]): { title: string; figures: KeyFigure[] }[] {
  const sections: { title: string; figures: KeyFigure[] }[] = [];
  for (const figure of figures) {
    // A partner's section is its short name: say what its people are.
    const title = figure.key.startsWith('personnes.') ? `Personnes impliquées · ${figure.section}` : (SECTION_TITLES[figure.section] ?? figure.section);
    const section = sections.find((candidate) => candidate.title === title);
    if (section) section.figures.push(figure);
    else sections.push({ title, figures: [figure] });
  }
  return sections;
}
