// The Tableau de bord laid out on A4: printed on its own (DashboardPrintPage) and as the
// last part of the dossier du CODIRI (minutes-print/CodiriSheets.tsx), one page or two.
import { useMantineTheme } from '@mantine/core';
import { frenchCount, frenchDate, frenchTypography } from '../../../common/french';
import { formatTime } from '../../shared/format';
import { STAGE_LABELS } from '../../../common/vocabulary';
import type { CooperationDashboard, UnfollowedDecision } from '../../../preload/contract';
import { useAppState } from '../../app/AppContext';
import { cssColour, STATUS_COLOURS, STATUS_KEYS, statusCount, statusLabel } from '../../shared/status';
import { NBSP } from '../minutes-print/MinutesSheet';
import classes from '../minutes-print/MinutesPrint.module.css';
import own from './DashboardPrint.module.css';
import { figureSections } from './periods';

/** Échéances printed: the page stays one A4 sheet (or two); the screen lists them all. */
const PRINTED_DEADLINES = 12;
const PRINTED_DECISIONS = 6;

/**
 * The sheet. `standalone`: printed on its own, under every partner's name, the project's
 * and its own title; inside the dossier, whose cover and part title say them, it starts
 * with its figures.
 */
export function DashboardSheet({ dashboard, standalone = true }: { dashboard: CooperationDashboard; standalone?: boolean }) {
  const { project, partners } = useAppState();
  const deadlines = dashboard.deadlines.slice(0, PRINTED_DEADLINES);
  const more = dashboard.deadlines.length - deadlines.length;
  // The oldest first: they have waited longest.
  const decisions = dashboard.unfollowed_decisions.slice(0, PRINTED_DECISIONS);
  return (
    <article className={classes.sheet} aria-label="Tableau de bord de la coopération">
      {standalone && (
        <>
          <div className={classes.partners}>
            {partners.map((partner) => (
              <span key={partner.id}>{partner.name}</span>
            ))}
          </div>
          <p className={classes.project}>{project.name}</p>
          <header className={classes.titleBlock}>
            <h2 className={classes.kind}>Tableau de bord de la coopération</h2>
            <p className={classes.version}>Situation au {frenchDate(dashboard.today)}</p>
          </header>
        </>
      )}

      <PrintedFigures figures={dashboard.figures} />

      <section className={classes.section}>
        <h3 className={classes.sectionTitle}>Chantiers</h3>
        <ChantiersPrinted dashboard={dashboard} />
      </section>

      <section className={classes.section}>
        <h3 className={classes.sectionTitle}>Échéances des 30 prochains jours</h3>
        {deadlines.length === 0 ? (
          <p className={classes.none}>Aucune action à terminer d&apos;ici 30 jours.</p>
        ) : (
          <table className={classes.table}>
            <thead>
              <tr>
                <th scope="col" className={classes.colDate}>
                  Échéance
                </th>
                <th scope="col" className={classes.colNumber}>
                  Réf.
                </th>
                <th scope="col">Action</th>
                <th scope="col" className={classes.colStatus}>
                  Statut
                </th>
              </tr>
            </thead>
            <tbody>
              {deadlines.map((deadline) => (
                <tr key={deadline.id}>
                  <td className={classes.nowrap}>{frenchDate(deadline.end_date)}</td>
                  <td>{deadline.reference}</td>
                  <td>{deadline.title}</td>
                  <td>{statusLabel(deadline.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {more > 0 && (
          <p className={classes.small}>
            Et {more} autre{more > 1 ? 's' : ''} dans Entente.
          </p>
        )}
      </section>

      <section className={classes.section}>
        <h3 className={classes.sectionTitle}>Prochaines réunions</h3>
        {dashboard.meetings.length === 0 ? (
          <p className={classes.none}>Aucune réunion prévue.</p>
        ) : (
          <ul>
            {dashboard.meetings.map((meeting) => (
              <li key={meeting.id}>
                {/* A title made of the type and the date says the date once. */}
                {frenchTypography(
                  meeting.own_title === null
                    ? `${meeting.title}, à ${formatTime(meeting.start_time)}`
                    : `${frenchDate(meeting.date)}, à ${formatTime(meeting.start_time)}${NBSP}: ${meeting.own_title}`,
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={classes.section}>
        <h3 className={classes.sectionTitle}>Décisions sans action de suivi ({dashboard.unfollowed_decisions.length})</h3>
        {decisions.length === 0 ? (
          <p className={classes.none}>{dashboard.decision_count === 0 ? 'Aucune décision.' : 'Toutes les décisions ont une action de suivi.'}</p>
        ) : (
          <ul>
            {byMeeting(decisions).map((group) =>
              group.length === 1 ? (
                <li key={group[0].id}>
                  <strong>{group[0].reference}</strong> ({meetingOf(group[0])}){NBSP}: {group[0].text}
                </li>
              ) : (
                // Several of one meeting: the meeting said once, above them.
                <li key={group[0].meeting_id}>
                  {meetingOf(group[0])}
                  {NBSP}:
                  <ul>
                    {group.map((decision) => (
                      <li key={decision.id}>
                        <strong>{decision.reference}</strong>
                        {NBSP}: {decision.text}
                      </li>
                    ))}
                  </ul>
                </li>
              ),
            )}
          </ul>
        )}
        {dashboard.unfollowed_decisions.length > decisions.length && <p className={classes.small}>Les autres figurent au registre des décisions.</p>}
      </section>
    </article>
  );
}

/** The key figures as small tables, one per section, with the period they cover. */
function PrintedFigures({ figures }: { figures: CooperationDashboard['figures'] }) {
  return (
    <section className={classes.section}>
      <h3 className={classes.sectionTitle}>Chiffres clés</h3>
      <p className={classes.intro}>
        Réunions et personnes {figures.period}
        {NBSP}; chantiers, pistes et actions au {frenchDate(figures.today)}.
      </p>
      <div className={own.figures}>
        {figureSections(figures.figures).map((section) => (
          <table key={section.title} className={classes.table}>
            <caption>{section.title}</caption>
            <tbody>
              {section.figures.map((figure) => (
                <tr key={figure.key} title={figure.counts}>
                  <th scope="row">{figure.label}</th>
                  <td className={classes.number}>{frenchCount(figure.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </section>
  );
}

function ChantiersPrinted({ dashboard }: { dashboard: CooperationDashboard }) {
  const palette = useMantineTheme().colors;
  return (
    <table className={classes.table}>
      <thead>
        <tr>
          <th scope="col" className={classes.colNumber}>
            N°
          </th>
          <th scope="col">Chantier</th>
          <th scope="col">Stade du partenariat</th>
          <th scope="col">Actions par statut</th>
          <th scope="col" className={classes.colShort}>
            Avancement
          </th>
          <th scope="col" className={classes.colShort}>
            En retard
          </th>
        </tr>
      </thead>
      <tbody>
        {dashboard.chantiers.map((chantier) => {
          const present = STATUS_KEYS.filter((key) => chantier.counts.by_status[key] > 0);
          return (
            <tr key={chantier.id}>
              <td>{chantier.number}</td>
              <td>{chantier.title}</td>
              <td>
                {STAGE_LABELS[chantier.stage]}
                {chantier.stage_since && `, depuis le ${frenchDate(chantier.stage_since)}`}
              </td>
              <td>
                {chantier.counts.total > 0 && (
                  <span className={own.stack} aria-hidden>
                    {present.map((key) => (
                      <span
                        key={key}
                        style={{
                          width: `${(100 * chantier.counts.by_status[key]) / chantier.counts.total}%`,
                          background: cssColour(STATUS_COLOURS[key].light.fill, palette),
                        }}
                      />
                    ))}
                  </span>
                )}
                {present.length === 0 ? 'Aucune action' : present.map((key) => statusCount(key, chantier.counts.by_status[key])).join(', ')}
              </td>
              <td className={classes.number}>{`${chantier.progress}${NBSP}%`}</td>
              <td className={`${classes.number} ${chantier.counts.late > 0 ? classes.late : ''}`}>{chantier.counts.late}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** « CODIRI du 13 novembre 2026, compte rendu pas encore validé »: what a décision's reference stands for. */
const meetingOf = (decision: UnfollowedDecision) => `${decision.meeting_title}${decision.draft ? ', compte rendu pas encore validé' : ''}`;

/** The décisions, those of one meeting next to each other kept together. */
function byMeeting(decisions: UnfollowedDecision[]): UnfollowedDecision[][] {
  const groups: UnfollowedDecision[][] = [];
  for (const decision of decisions) {
    const last = groups.at(-1);
    if (last && last[0].meeting_id === decision.meeting_id) last.push(decision);
    else groups.push([decision]);
  }
  return groups;
}
