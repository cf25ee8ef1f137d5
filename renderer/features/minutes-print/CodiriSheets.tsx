import { frenchDate, longFrenchDate } from '../../../common/french';
import type { CodiriDossier } from '../../../preload/contract';
import { NBSP, PartnersBand, Watermark } from './MinutesSheet';
import classes from './MinutesPrint.module.css';

/** The dossier's first page: what it is, for which meeting, and what it holds. */
export function CoverSheet({ dossier }: { dossier: CodiriDossier }) {
  const { minutes } = dossier;
  const { meeting } = minutes;
  return (
    <article className={`${classes.sheet} ${classes.cover}`} aria-label="Page de garde du dossier du CODIRI">
      <Watermark draft={minutes.validation.draft} />
      <PartnersBand document={minutes} withProject={false} />
      <div className={classes.coverBody}>
        <p className={classes.coverMeeting}>{minutes.project_name}</p>
        <h2 className={classes.coverKind}>Dossier du CODIRI</h2>
        <p className={classes.coverMeeting}>Comité de direction interdépartemental</p>
        <p className={classes.coverMeeting}>
          <strong>{meeting.date_label}</strong>, {meeting.time_label}
        </p>
        {meeting.place && <p>{meeting.place}</p>}
        <ol className={classes.contents} aria-label="Sommaire">
          <li>{minutes.validation.draft ? 'Projet de compte rendu' : 'Compte rendu'} de la réunion</li>
          <li>Avancement des chantiers, situation au {frenchDate(dossier.today)}</li>
        </ol>
      </div>
      <footer className={classes.coverFoot}>
        <p>{minutes.organisations}</p>
        {minutes.secretariat && (
          <p>
            Secrétariat de la coopération{NBSP}: {minutes.secretariat}
          </p>
        )}
      </footer>
    </article>
  );
}

function Progress({ value }: { value: number }) {
  return (
    <span className={classes.progress}>
      <span className={classes.bar} aria-hidden>
        <span style={{ width: `${value}%` }} />
      </span>
      <span>{`${value}${NBSP}%`}</span>
    </span>
  );
}

/** Where every chantier stands: stage, avancement, actions, late ones, statuts, pilotes. */
export function ChantiersSheet({ dossier }: { dossier: CodiriDossier }) {
  const { minutes, totals, next } = dossier;
  // The date the minutes fixed wins over the proposal of about six months later.
  const nextDate = minutes.next_meeting?.date ?? next.date;
  return (
    <article className={classes.sheet} aria-label="Avancement des chantiers">
      <Watermark draft={minutes.validation.draft} />
      <PartnersBand document={minutes} />
      <header className={classes.titleBlock}>
        <h2 className={classes.kind}>Avancement des chantiers</h2>
        <p className={classes.meetingTitle}>Situation au {frenchDate(dossier.today)}</p>
      </header>
      <table className={classes.table}>
        <colgroup>
          <col className={classes.colNumber} />
          <col />
          <col className={classes.colProgress} />
          <col className={classes.colProgress} />
          <col className={classes.colCount} />
          <col className={classes.colCount} />
          <col className={classes.colStatus} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">N°</th>
            <th scope="col">Chantier et pilotes</th>
            <th scope="col">Stade du partenariat</th>
            <th scope="col">Avancement</th>
            <th scope="col">Actions</th>
            <th scope="col">En retard</th>
            <th scope="col">Actions par statut</th>
          </tr>
        </thead>
        <tbody>
          {dossier.chantiers.map((chantier) => (
            <tr key={chantier.id}>
              <td className={classes.number}>{chantier.number}</td>
              <td>
                <strong>{chantier.title}</strong>
                <div className={`${classes.dim} ${classes.small}`}>
                  {chantier.pilots.length > 0 ? chantier.pilots.map((pilot) => <div key={pilot}>{pilot}</div>) : 'Sans pilote'}
                </div>
              </td>
              <td>{chantier.stage_label}</td>
              <td>
                <Progress value={chantier.progress} />
              </td>
              <td className={classes.number}>{chantier.actions}</td>
              <td className={`${classes.number} ${chantier.late > 0 ? classes.late : ''}`}>{chantier.late}</td>
              <td className={classes.small}>
                {chantier.by_status.length > 0
                  ? chantier.by_status.map((status) => <div key={status.status}>{`${status.label}${NBSP}: ${status.count}`}</div>)
                  : 'Aucune action'}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <td>Ensemble des chantiers</td>
            <td />
            <td>
              <Progress value={totals.progress} />
            </td>
            <td className={classes.number}>{totals.actions}</td>
            <td className={classes.number}>{totals.late}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <p className={classes.section}>
        {totals.without_pilot > 0
          ? `${totals.without_pilot} action${totals.without_pilot > 1 ? 's' : ''} sur ${totals.actions} sans pilote désigné.`
          : 'Toutes les actions ont un pilote désigné.'}
      </p>
      {nextDate && (
        <p className={classes.section}>
          Prochain CODIRI{minutes.next_meeting ? '' : ' proposé'} le {longFrenchDate(nextDate)}
          {next.secretariat_partner_name && ` ; secrétariat${NBSP}: ${next.secretariat_partner_name}`}.
        </p>
      )}
    </article>
  );
}
