import type { MinutesActionItem, MinutesDocument, MinutesPerson, VisaBlock } from '../../../preload/contract';
import { Unbroken } from '../../shared/Unbroken';
import { PartnerLogos } from './PartnerLogos';
import classes from './MinutesPrint.module.css';
import { frenchTypography } from '../../../common/french';

/** French typography: a non-breaking space before « : » and after « n° ». */
export const NBSP = '\u00a0';

/** « Mme Anne Leroy, directrice générale des services ». */
const nameAndFunction = (person: MinutesPerson) => [person.name, person.function].filter(Boolean).join(', ');

/** « Mme Anne Leroy, directrice générale des services (Département d'Indre-et-Loire) ». */
const personWithOrganisation = (person: MinutesPerson | null) =>
  person ? `${nameAndFunction(person)}${person.organisation ? ` (${person.organisation})` : ''}` : '—';

/** « 4 présents, 1 excusé… »: the attendance counts of a relevé de décisions. */
function attendanceSummary(document: MinutesDocument): string {
  return document.attendance.sections.map((section) => `${section.label}${NBSP}: ${section.count}`).join(' · ');
}

/** The partners (their logos, their names) and the project, above the title: every sheet of the dossier starts with them. */
export function PartnersBand({ document, withProject = true }: { document: Pick<MinutesDocument, 'partners' | 'project_name'>; withProject?: boolean }) {
  return (
    <>
      <PartnerLogos partners={document.partners} />
      {withProject && <p className={classes.project}>{document.project_name}</p>}
    </>
  );
}

export function Watermark({ draft }: { draft: boolean }) {
  return draft ? (
    <div className={classes.watermark} aria-hidden>
      PROJET
    </div>
  ) : null;
}

/** The compte rendu or the relevé de décisions, as one sheet. */
export function MinutesSheet({ document }: { document: MinutesDocument }) {
  const full = document.layout === 'compte_rendu';
  const { meeting } = document;
  return (
    <article className={full ? classes.sheet : `${classes.sheet} ${classes.releve}`} aria-label={document.heading}>
      <Watermark draft={document.validation.draft} />
      <PartnersBand document={document} />

      <header className={classes.titleBlock}>
        <h2 className={classes.kind}>{document.layout_label}</h2>
        <p className={classes.meetingTitle}>{meeting.title}</p>
        {document.version.label && (
          <p className={classes.version}>
            {document.version.label}
            {document.version.amendment_reason && ` — motif${NBSP}: ${document.version.amendment_reason}`}
          </p>
        )}
        {document.validation.draft && (
          <p className={classes.draft}>{document.validation.status === 'envoye' ? 'Projet envoyé pour validation' : 'Projet non validé'}</p>
        )}
      </header>

      <dl className={classes.facts}>
        <dt>Type de réunion</dt>
        <dd>{meeting.type_label}</dd>
        <dt>Date</dt>
        <dd>{meeting.date_label}</dd>
        <dt>Heure</dt>
        <dd>
          {meeting.time_label} ({meeting.duration_label})
        </dd>
        <dt>Lieu</dt>
        <dd>{meeting.place ?? 'Non précisé'}</dd>
        <dt>Présidence</dt>
        <dd>
          <Unbroken text={personWithOrganisation(document.president)} />
        </dd>
        <dt>Secrétaire de séance</dt>
        <dd>
          <Unbroken text={personWithOrganisation(document.secretary)} />
        </dd>
        <dt>Secrétariat</dt>
        <dd>{document.secretariat ?? '—'}</dd>
        {meeting.chantiers.length > 0 && (
          <>
            <dt>{meeting.chantiers.length > 1 ? 'Chantiers concernés' : 'Chantier concerné'}</dt>
            <dd>
              {meeting.chantiers.map((chantier) => (
                <div key={chantier.number}>{chantier.label}</div>
              ))}
            </dd>
          </>
        )}
        <dt>Validation</dt>
        <dd>{document.validation.sentence}</dd>
        {!full && document.attendance.sections.length > 0 && (
          <>
            <dt>Participants</dt>
            <dd>{attendanceSummary(document)}</dd>
          </>
        )}
      </dl>

      {full && <AgendaSection document={document} />}
      {full && <AttendanceSection document={document} />}
      {/* What became of the previous decisions comes before today's, right after who was there. */}
      {full && <FollowUpSection document={document} />}
      {full ? <ItemsSection document={document} /> : <DecisionsSection document={document} />}
      {/* A relevé without action à mener says nothing of them: it keeps to one page. */}
      {(full || document.actions.length > 0) && <ActionsSection actions={document.actions} />}
      {!full && <FollowUpSection document={document} />}

      {/* The foot of the minutes, kept whole: the visas never on a page of their own. */}
      <div className={classes.foot}>
        <div className={classes.closing}>
          <section>
            <h3 className={classes.sectionTitle}>Prochaine réunion</h3>
            <p>
              {document.next_meeting ? (
                <>
                  La prochaine réunion aura lieu le <span className={classes.nowrap}>{document.next_meeting.label}</span>.
                </>
              ) : (
                'La date de la prochaine réunion reste à fixer.'
              )}
            </p>
          </section>
          {document.diffusion.length > 0 && (
            <section>
              <h3 className={classes.sectionTitle}>Diffusion</h3>
              <ul className={classes.bullets}>
                {document.diffusion.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </section>
          )}
        </div>
        {document.visas.length > 0 && <Visas visas={document.visas} />}
      </div>
    </article>
  );
}

/** One visa per partner, side by side, with room to sign. */
function Visas({ visas }: { visas: VisaBlock[] }) {
  return (
    <section className={classes.visas} aria-label="Visas">
      {visas.map((visa) => (
        <div key={visa.partner_id} className={classes.visa}>
          <p className={classes.visaHeading}>{visa.heading}</p>
          {visa.signatory && (
            <>
              <p>{visa.signatory.name}</p>
              {visa.signatory.function && <p className={classes.dim}>{visa.signatory.function}</p>}
            </>
          )}
          <div className={classes.signature} aria-hidden />
        </div>
      ))}
    </section>
  );
}

function AgendaSection({ document }: { document: MinutesDocument }) {
  return (
    <section className={classes.section}>
      <h3 className={classes.sectionTitle}>Ordre du jour</h3>
      {document.agenda.length === 0 ? (
        <p className={classes.none}>Aucun point inscrit à l'ordre du jour.</p>
      ) : (
        <ol className={classes.agenda}>
          {document.agenda.map((item) => (
            <li key={item.number}>
              <span>{item.number}.</span>
              <span>
                {item.title}
                {(item.presenter || item.chantier_label) && (
                  <span className={`${classes.dim} ${classes.small}`}>
                    {' — '}
                    {[item.presenter, item.chantier_label].filter(Boolean).join(' · ')}
                  </span>
                )}
              </span>
              <span className={classes.agendaTime}>
                {item.start_label}
                {item.duration_label && ` (${item.duration_label})`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function AttendanceSection({ document }: { document: MinutesDocument }) {
  return (
    <section className={classes.section}>
      <h3 className={classes.sectionTitle}>Participants</h3>
      {document.attendance.sections.length === 0 && <p className={classes.none}>Aucun participant inscrit.</p>}
      {document.attendance.sections.map((section) => (
        <div key={section.attendance} className={classes.attendance}>
          <h4 className={classes.subTitle}>
            {section.label} ({section.count})
          </h4>
          <div className={classes.groups}>
            {section.groups.map((group) => (
              <div key={group.label} className={classes.group}>
                <p className={classes.groupLabel}>{group.label}</p>
                <ul className={classes.people}>
                  {group.people.map((person, index) => (
                    <li key={`${person.name}-${index}`}>
                      {nameAndFunction(person)}
                      {person.represented_label && <span className={classes.dim}> — {person.represented_label}</span>}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}

function Decision({ number, text }: { number: number; text: string }) {
  return (
    <div className={classes.decision}>
      <span className={classes.decisionNumber}>
        Décision n°{NBSP}
        {number}
      </span>
      {` — ${frenchTypography(text)}`}
    </div>
  );
}

/** « Responsable : Marc Petit (Loir-et-Cher) — Échéance : 30/06/2027 ». */
function actionDetails(action: MinutesActionItem): string {
  return [
    `Responsable${NBSP}: ${action.responsable ?? 'à désigner'}`,
    `Échéance${NBSP}: ${action.due_date_label ?? 'non fixée'}`,
    ...(action.status_label ? [`Statut${NBSP}: ${action.status_label}`] : []),
  ].join(' — ');
}

function ItemsSection({ document }: { document: MinutesDocument }) {
  return (
    <section className={classes.section}>
      <h3 className={classes.sectionTitle}>Compte rendu des échanges</h3>
      {document.items.length === 0 && <p className={classes.none}>Aucun point inscrit à l'ordre du jour.</p>}
      {document.items.map((item) => {
        const meta = [
          item.presenter && `Présenté par ${item.presenter}`,
          item.chantier_label,
          item.action_label && `Action${NBSP}: ${item.action_label}`,
        ].filter(Boolean);
        const empty = !item.notes && item.informations.length === 0 && item.decisions.length === 0 && item.actions.length === 0;
        return (
          <div key={item.number} className={classes.item}>
            <h4 className={classes.itemTitle}>
              {item.number}. {item.title}
            </h4>
            {meta.length > 0 && <p className={classes.itemMeta}>{meta.join(' · ')}</p>}
            {item.notes && <p className={classes.notes}>{frenchTypography(item.notes)}</p>}
            {item.informations.length > 0 && (
              <>
                <p className={classes.label}>Informations</p>
                <ul className={classes.bullets}>
                  {item.informations.map((text, index) => (
                    <li key={index}>{frenchTypography(text)}</li>
                  ))}
                </ul>
              </>
            )}
            {item.decisions.map((decision) => (
              <Decision key={decision.number} {...decision} />
            ))}
            {item.actions.length > 0 && (
              <>
                <p className={classes.label}>Actions à mener</p>
                <ul className={classes.bullets}>
                  {item.actions.map((action) => (
                    <li key={action.number}>
                      {action.title}
                      <span className={classes.dim}> — {actionDetails(action)}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {empty && <p className={classes.none}>Point traité sans décision ni action à mener.</p>}
          </div>
        );
      })}
    </section>
  );
}

/** The relevé de décisions: every décision, under its item of the ordre du jour. */
function DecisionsSection({ document }: { document: MinutesDocument }) {
  const items = document.items.filter((item) => item.decisions.length > 0);
  return (
    <section className={classes.section}>
      <h3 className={classes.sectionTitle}>Décisions</h3>
      {items.length === 0 && <p className={classes.none}>Aucune décision n'a été prise.</p>}
      {items.map((item) => (
        <div key={item.number} className={classes.item}>
          <h4 className={classes.itemTitle}>
            {item.number}. {item.title}
          </h4>
          {item.decisions.map((decision) => (
            <Decision key={decision.number} {...decision} />
          ))}
        </div>
      ))}
    </section>
  );
}

function ActionsSection({ actions }: { actions: MinutesActionItem[] }) {
  return (
    <section className={classes.section}>
      <h3 className={classes.sectionTitle}>Tableau des actions à mener</h3>
      {actions.length === 0 ? (
        <p className={classes.none}>Aucune action à mener.</p>
      ) : (
        <table className={classes.table}>
          <colgroup>
            <col className={classes.colNumber} />
            <col />
            <col className={classes.colNumber} />
            <col className={classes.colPerson} />
            <col className={classes.colDate} />
            <col className={classes.colStatus} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">N°</th>
              <th scope="col">Action</th>
              <th scope="col">Point</th>
              <th scope="col">Responsable</th>
              <th scope="col">Échéance</th>
              <th scope="col">Statut</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <tr key={action.number}>
                <td className={classes.number}>{action.number}</td>
                <td>
                  {action.title}
                  {action.chantier_label && <div className={`${classes.dim} ${classes.small}`}>{action.chantier_label}</div>}
                </td>
                <td className={classes.number}>{action.item_number}</td>
                <td>{action.responsable ?? 'À désigner'}</td>
                <td className={classes.nowrap}>{action.due_date_label ?? 'Non fixée'}</td>
                <td>{action.kind === 'suivi' ? (action.status_label ?? action.kind_label) : action.kind_label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function FollowUpSection({ document }: { document: MinutesDocument }) {
  const { previous_label: previous, lines } = document.follow_up;
  // A first meeting has no previous compte rendu to follow up.
  if (!previous) return null;
  return (
    <section className={classes.section}>
      <h3 className={classes.sectionTitle}>Suivi des actions du précédent compte rendu</h3>
      <p className={classes.intro}>Actions décidées lors de la réunion précédente ({previous}).</p>
      {lines.length === 0 ? (
        <p className={classes.none}>Le précédent compte rendu ne prévoyait aucune action.</p>
      ) : (
        <table className={classes.table}>
          <colgroup>
            <col />
            <col className={classes.colPerson} />
            <col className={classes.colDate} />
            <col className={classes.colShort} />
            <col className={classes.colShort} />
            <col className={classes.colComment} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Responsable</th>
              <th scope="col">Échéance</th>
              <th scope="col">Statut</th>
              <th scope="col">Avancement</th>
              <th scope="col">Commentaire</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => (
              <tr key={index}>
                <td>{line.title}</td>
                <td>{line.responsable ?? '—'}</td>
                <td className={classes.nowrap}>{line.due_date_label ?? '—'}</td>
                <td>
                  {line.status_label}
                  {line.late && <div className={classes.late}>En retard</div>}
                </td>
                <td className={classes.number}>{line.progress_label ?? '—'}</td>
                <td>{line.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
