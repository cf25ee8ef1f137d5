// Before the meeting: the convocation and the feuille d'émargement as A4 sheets, and to
// whom the toolbar's « Préparer le courriel… » (EmailDraftButton) will address it.
import { Alert, Text } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import type { ApiError, AttendanceSheetDocument, ConvenedGroup, ConvocationDocument } from '../../../preload/contract';
import { capitalized } from '../../../common/french';
import { pistesToArbitrateHeading } from '../../../common/vocabulary';
import { useApiData } from '../../api';
import { Unbroken } from '../../shared/Unbroken';
import { NBSP, PartnersBand } from './MinutesSheet';
import classes from './MinutesPrint.module.css';
import own from './Convocation.module.css';

/** Tells the page when its document is shown (the toolbar's buttons wait for it). */
function useShown(shown: boolean, onShown: (shown: boolean) => void): void {
  useEffect(() => {
    onShown(shown);
    return () => onShown(false);
  }, [shown, onShown]);
}

function Failure({ title, error }: { title: string; error: ApiError }) {
  return (
    <Alert color="red" title={title}>
      {error.message}
    </Alert>
  );
}

export const plural = (count: number, word: string) => `${count}${NBSP}${word}${count > 1 ? 's' : ''}`;

/** The convened, by organisation, in two columns. */
function Convened({ groups }: { groups: ConvenedGroup[] }) {
  return (
    <div className={classes.groups}>
      {groups.map((group) => (
        <div key={group.label} className={classes.group}>
          <p className={classes.groupLabel}>{group.label}</p>
          <ul className={classes.people}>
            {group.people.map((person, index) => (
              <li key={`${person.name}-${index}`}>
                {[person.name, person.function].filter(Boolean).join(', ')}
                {person.represented_label && <span className={classes.dim}> — {person.represented_label}</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

export function ConvocationSheet({ document }: { document: ConvocationDocument }) {
  const { meeting } = document;
  return (
    <article className={`${classes.sheet} ${own.convocation}`} aria-label={document.heading}>
      <PartnersBand document={document} />
      <header className={classes.titleBlock}>
        <h2 className={classes.kind}>Convocation</h2>
        <p className={classes.meetingTitle}>{meeting.title}</p>
      </header>

      <p className={own.invitation}>{document.invitation}</p>

      <dl className={classes.facts}>
        <dt>Date</dt>
        <dd>{meeting.date_label}</dd>
        <dt>Heure</dt>
        <dd>
          {meeting.time_label} (durée{NBSP}: {meeting.duration_label}, fin prévue à {meeting.end_time_label})
        </dd>
        <dt>Lieu</dt>
        <dd>{meeting.place ?? 'À préciser'}</dd>
        {document.president && (
          <>
            <dt>Présidence</dt>
            <dd>
              <Unbroken text={document.president} />
            </dd>
          </>
        )}
        {meeting.chantiers.length > 0 && (
          <>
            <dt>{meeting.chantiers.length > 1 ? 'Chantiers concernés' : 'Chantier concerné'}</dt>
            <dd>
              {meeting.chantiers.map((chantier) => (
                <div key={chantier}>{chantier}</div>
              ))}
            </dd>
          </>
        )}
      </dl>

      <section className={classes.section}>
        <h3 className={classes.sectionTitle}>Ordre du jour</h3>
        {document.agenda.length === 0 ? (
          <p className={classes.none}>L'ordre du jour sera communiqué ultérieurement.</p>
        ) : (
          <table className={classes.table}>
            <colgroup>
              <col className={own.colNumber} />
              <col />
              <col className={own.colPresenter} />
              <col className={own.colTime} />
              <col className={own.colTime} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">N°</th>
                <th scope="col">Point</th>
                <th scope="col">Présenté par</th>
                <th scope="col">Horaire</th>
                <th scope="col">Durée</th>
              </tr>
            </thead>
            <tbody>
              {document.agenda.map((item) => (
                <tr key={item.number}>
                  <td className={classes.number}>{item.number}</td>
                  <td>
                    {item.title}
                    {item.chantier_label && <div className={`${classes.dim} ${classes.small}`}>{item.chantier_label}</div>}
                  </td>
                  <td>{item.presenter ?? '—'}</td>
                  <td className={classes.nowrap}>{item.start_label}</td>
                  <td className={classes.nowrap}>{item.duration_label ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {document.pistes.length > 0 && (
        <section className={classes.section}>
          <h3 className={classes.sectionTitle}>{pistesToArbitrateHeading(document.pistes.length)}</h3>
          <ul className={own.pistes}>
            {document.pistes.map((piste) => (
              <li key={piste.reference}>
                <strong>{piste.reference}</strong> «&#x202f;{piste.title}&#x202f;» <span className={classes.dim}>(proposée par {piste.proposed_by})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className={classes.section}>
        <h3 className={classes.sectionTitle}>Personnes convoquées ({document.convened.count})</h3>
        {document.convened.count === 0 ? <p className={classes.none}>Aucun participant inscrit.</p> : <Convened groups={document.convened.groups} />}
      </section>

      {/* The last section and the foot together: the foot never alone on a page. */}
      <div className={own.end}>
        <section className={classes.section}>
          <h3 className={classes.sectionTitle}>Documents à lire</h3>
          {document.documents.length === 0 ? (
            <p className={classes.none}>Aucun document joint à la réunion.</p>
          ) : (
            <ul className={classes.bullets}>
              {document.documents.map((name, index) => (
                <li key={`${name}-${index}`}>{name}</li>
              ))}
            </ul>
          )}
        </section>

        <footer className={own.foot}>
          <p>{document.absence_note}</p>
          {document.secretariat && (
            <p className={own.secretariat}>
              Secrétariat de la coopération{NBSP}: {document.secretariat}
            </p>
          )}
        </footer>
      </div>
    </article>
  );
}

/** The convocation, loaded on its own. */
export function ConvocationSheets({ id, onShown }: { id: string; onShown: (shown: boolean) => void }) {
  const { data: document, error } = useApiData('getConvocationDocument', id);
  useShown(!!document, onShown);
  if (error) return <Failure title="Convocation impossible" error={error} />;
  return document ? <ConvocationSheet document={document} /> : null;
}

export function AttendanceSheet({ sheet }: { sheet: AttendanceSheetDocument }) {
  const { meeting } = sheet;
  return (
    <article className={`${classes.sheet} ${own.emargement}`} aria-label={sheet.heading}>
      <PartnersBand document={sheet} />
      <header className={classes.titleBlock}>
        <h2 className={classes.kind}>Feuille d'émargement</h2>
        <p className={classes.meetingTitle}>{meeting.title}</p>
      </header>
      <dl className={classes.facts}>
        <dt>Date</dt>
        <dd>{meeting.date_label}</dd>
        <dt>Heure</dt>
        <dd>{meeting.time_label}</dd>
        <dt>Lieu</dt>
        <dd>{meeting.place ?? 'Non précisé'}</dd>
      </dl>
      <p className={own.count}>
        {sheet.count > 0 ? `${plural(sheet.count, 'participant')} attendu${sheet.count > 1 ? 's' : ''}.` : 'Aucun participant inscrit.'} Merci de signer en face
        de votre nom.
        {sheet.excused.length > 0 && ` ${sheet.excused.length > 1 ? 'Absences excusées' : 'Absence excusée'}${NBSP}: ${sheet.excused.join(', ')}.`}
      </p>
      {sheet.groups.map((group, index) => (
        <SignatureTable key={group.label} label={group.label} first={index === 0}>
          {group.people.map((person, index) => (
            <tr key={`${person.name}-${index}`} className={own.signatureRow}>
              <td>{person.name}</td>
              <td>
                {/* A column of its own: its first letter a capital. */}
                {person.function && capitalized(person.function)}
                {person.represented_label && <div className={`${classes.dim} ${classes.small}`}>{capitalized(person.represented_label)}</div>}
              </td>
              <td />
            </tr>
          ))}
        </SignatureTable>
      ))}
      <SignatureTable label="Autres personnes présentes" first={sheet.groups.length === 0} together>
        {Array.from({ length: sheet.blank_lines }, (_, index) => (
          <tr key={index} className={own.signatureRow} aria-label="Ligne à remplir">
            <td />
            <td />
            <td />
          </tr>
        ))}
      </SignatureTable>
    </article>
  );
}

/**
 * One organisation's lines on the feuille d'émargement, in a table of its own: its heading is
 * the table's head, which Chromium repeats at the top of each page the list continues on.
 * The column names head the first table only; the tables follow one another as one.
 * `together`: never split (the blank lines).
 */
function SignatureTable({ label, first = false, together = false, children }: { label: string; first?: boolean; together?: boolean; children: ReactNode }) {
  return (
    <table className={`${classes.table} ${own.signatures} ${together ? own.together : ''}`} aria-label={label}>
      <colgroup>
        <col className={own.colName} />
        <col className={own.colFunction} />
        <col />
      </colgroup>
      <thead>
        {first && (
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Fonction</th>
            <th scope="col">Signature</th>
          </tr>
        )}
        <tr className={own.groupRow}>
          <th scope="colgroup" colSpan={3}>
            {label}
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** The feuille d'émargement, loaded on its own. */
export function AttendanceSheets({ id, onShown }: { id: string; onShown: (shown: boolean) => void }) {
  const { data: sheet, error } = useApiData('getAttendanceSheet', id);
  useShown(!!sheet, onShown);
  if (error) return <Failure title="Feuille d'émargement impossible" error={error} />;
  return sheet ? <AttendanceSheet sheet={sheet} /> : null;
}

/** Under the toolbar: to whom the courriel will go, and who has no address. */
export function ConvocationRecipients({ id }: { id: string }) {
  const { data: document } = useApiData('getConvocationDocument', id);
  if (!document || document.convened.count === 0) return null;
  const { recipients, without_email: without } = document;
  const to =
    recipients.length > 0
      ? `Le courriel sera adressé à ${plural(recipients.length, 'personne')} convoquée${recipients.length > 1 ? 's' : ''}.`
      : "Aucune personne convoquée n'a d'adresse électronique.";
  if (without.length === 0) {
    return (
      <Text size="sm" c="dimmed" mt="xs">
        {to}
      </Text>
    );
  }
  return (
    <Alert color="yellow" mt="sm" title={to}>
      <Text size="sm">
        Sans adresse{NBSP}: {without.join(', ')}.
      </Text>
      <Text size="sm">Les adresses des personnes se saisissent dans Personnes{NBSP}; les autres participants sont à prévenir autrement.</Text>
    </Alert>
  );
}
