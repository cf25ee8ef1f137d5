// The dossier du CODIRI, read before the meeting: a cover with its sommaire, the convocation
// and ordre du jour, the previous compte rendu to approve, one page per chantier, the
// décisions attendues and the Tableau de bord (the dashboard's own printed sheet, its figures
// since the previous CODIRI). Each part opens a page on paper; the sommaire gives its page,
// read from the dossier printed as « Enregistrer en PDF » prints it.
import { Alert } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { capitalized, frenchDate } from '../../../common/french';
import { codiriName } from '../../../common/partners';
import type { CodiriDossier, DossierChantier, ExpectedDecision, PrintedHeading } from '../../../preload/contract';
import { send, useApiData } from '../../api';
import { DashboardSheet } from '../dashboard/DashboardSheet';
import { ConvocationSheet, plural } from './ConvocationSheets';
import { MinutesSheet, NBSP, PartnersBand } from './MinutesSheet';
import classes from './MinutesPrint.module.css';
import own from './Dossier.module.css';

/** The title of a part, above its first sheet: on a new page, unless `samePage` (after a part of one sentence). */
function Part({ number, title, samePage = false, children }: { number: number; title: string; samePage?: boolean; children?: ReactNode }) {
  return (
    <h2 className={samePage ? `${own.part} ${own.samePage}` : own.part}>
      {number}. {title}
      {/* A space for the PDF's bookmarks, which run the heading's lines together. */}
      {children && (
        <>
          {' '}
          <small>{children}</small>
        </>
      )}
    </h2>
  );
}

const CONVOCATION_TITLE = 'Convocation et ordre du jour';
const CHANTIERS_TITLE = 'Les chantiers';
const DECISIONS_TITLE = 'Décisions attendues';
const DASHBOARD_TITLE = 'Tableau de bord de la coopération';

/** « à approuver » while the minutes wait for it; once validated, they come for the record, as their page says. */
function previousTitle(dossier: CodiriDossier): string {
  if (!dossier.previous) return 'Compte rendu du précédent CODIRI';
  const { meeting, minutes } = dossier.previous;
  const validatedOn = meeting.validation_status === 'valide' ? minutes.validation.validated_on : null;
  return `Compte rendu du ${meeting.title}, ${validatedOn ? `validé le ${frenchDate(validatedOn)}` : 'à approuver'}`;
}

const compact = (text: string) => text.replace(/\s+/g, '').toLocaleLowerCase('fr');

/**
 * The page of each line of the sommaire, in its order: the first printed heading that begins
 * with its text (spaces and case aside: a heading may print in capitals), not before the
 * previous line's page (a point of a compte rendu may bear the same words as a part).
 */
function sommairePages(headings: PrintedHeading[] | null, starts: string[]): Map<string, number | undefined> {
  let from = 1;
  return new Map(
    starts.map((start) => {
      const wanted = compact(start);
      const pages = (headings ?? []).filter((heading) => heading.page >= from && compact(heading.title).startsWith(wanted)).map((heading) => heading.page);
      if (pages.length === 0) return [start, undefined];
      from = Math.min(...pages);
      return [start, from];
    }),
  );
}

/**
 * A line of the sommaire, dotted to its page number. The room for the number is kept before
 * it is known, so that the cover's lines wrap the same with it as when the pages were counted.
 */
function ContentsEntry({ label, page }: { label: ReactNode; page: number | undefined }) {
  return (
    <span className={own.entry}>
      <span>{label}</span>
      <span className={own.leader} style={page === undefined ? { visibility: 'hidden' } : undefined} aria-hidden />
      <span className={own.page}>{page ?? ''}</span>
    </span>
  );
}

/** Resolves once the window's fonts and images are in: the layout the pages are counted on. */
async function laidOut(): Promise<void> {
  await document.fonts.ready;
  const loading = [...document.images].filter((image) => !image.complete);
  await Promise.all(
    loading.map(
      (image) =>
        new Promise((done) => {
          image.addEventListener('load', done, { once: true });
          image.addEventListener('error', done, { once: true });
        }),
    ),
  );
  await new Promise((done) => requestAnimationFrame(done));
}

/** The dossier's first page: which meeting, its partners, and what the dossier holds, with the page of each part. */
function CoverSheet({ dossier, headings }: { dossier: CodiriDossier; headings: PrintedHeading[] | null }) {
  const { meeting } = dossier.convocation;
  const chantierStart = (chantier: DossierChantier) => `Chantier ${chantier.number} ${chantier.title}`;
  const pages = sommairePages(headings, [
    `1. ${CONVOCATION_TITLE}`,
    ...(dossier.previous ? [`2. ${previousTitle(dossier)}`] : []),
    `3. ${CHANTIERS_TITLE}`,
    ...dossier.chantiers.map(chantierStart),
    `4. ${DECISIONS_TITLE}`,
    `5. ${DASHBOARD_TITLE}`,
  ]);
  return (
    <article className={`${classes.sheet} ${classes.cover}`} aria-label="Page de garde du dossier du CODIRI">
      <PartnersBand document={dossier} withProject={false} />
      <div className={own.coverBody}>
        <p className={classes.coverMeeting}>{dossier.project_name}</p>
        <h2 className={own.coverTitle}>{dossier.heading}</h2>
        <p className={classes.coverMeeting}>{capitalized(codiriName(dossier.partners))}</p>
        <p className={classes.coverMeeting}>
          <strong>{meeting.date_label}</strong>, à {meeting.time_label}
        </p>
        {meeting.place && <p>{meeting.place}</p>}
        <p className={own.coverPartners}>{dossier.partners.map((partner) => partner.name).join(' et ')}</p>
        <p className={own.situation}>Document préparatoire, situation au {frenchDate(dossier.today)}</p>
        <nav aria-label="Sommaire">
          <ol className={own.contents}>
            <li className={own.contentsTitle} aria-hidden>
              Sommaire
            </li>
            <li>
              <ContentsEntry label={`1. ${CONVOCATION_TITLE}`} page={pages.get(`1. ${CONVOCATION_TITLE}`)} />
            </li>
            <li>
              {dossier.previous ? (
                <ContentsEntry label={`2. ${previousTitle(dossier)}`} page={pages.get(`2. ${previousTitle(dossier)}`)} />
              ) : (
                `2. ${previousTitle(dossier)}${NBSP}: aucun CODIRI précédent`
              )}
            </li>
            <li>
              <ContentsEntry label={`3. ${CHANTIERS_TITLE}`} page={pages.get(`3. ${CHANTIERS_TITLE}`)} />
              <ol>
                {dossier.chantiers.map((chantier) => (
                  <li key={chantier.id}>
                    <ContentsEntry label={`Chantier ${chantier.number} · ${chantier.title}`} page={pages.get(chantierStart(chantier))} />
                  </li>
                ))}
              </ol>
            </li>
            <li>
              <ContentsEntry
                label={`4. ${DECISIONS_TITLE} (${dossier.decisions.length === 0 ? 'aucune' : dossier.decisions.length})`}
                page={pages.get(`4. ${DECISIONS_TITLE}`)}
              />
            </li>
            <li>
              <ContentsEntry label={`5. ${DASHBOARD_TITLE}`} page={pages.get(`5. ${DASHBOARD_TITLE}`)} />
            </li>
          </ol>
        </nav>
      </div>
      <footer className={classes.coverFoot}>
        <p>{dossier.partners.map((partner) => partner.name).join(' – ')}</p>
        {dossier.convocation.secretariat && (
          <p>
            Secrétariat de la coopération{NBSP}: {dossier.convocation.secretariat}
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

/** « 6 actions, dont 1 en retard et 1 bloquée ». */
function actionsSummary(chantier: DossierChantier): string {
  if (chantier.actions.length === 0) return 'Aucune action';
  const alerts = [
    ...(chantier.late > 0 ? [`${chantier.late} en retard`] : []),
    ...(chantier.blocked > 0 ? [`${chantier.blocked} bloquée${chantier.blocked > 1 ? 's' : ''}`] : []),
  ];
  return `${plural(chantier.actions.length, 'action')}${alerts.length ? `, dont ${alerts.join(' et ')}` : ''}`;
}

/** One chantier on its page: pilotes, stage, its actions (late and blocked ones marked), what changed since the previous CODIRI. */
function ChantierSheet({ chantier, since }: { chantier: DossierChantier; since: string | null }) {
  return (
    <article className={classes.sheet} aria-label={`Chantier ${chantier.number} · ${chantier.title}`}>
      <h3 className={own.chantierTitle}>
        <span className={own.chantierNumber}>Chantier {chantier.number}</span> {chantier.title}
      </h3>
      <dl className={classes.facts}>
        <dt>Pilotes</dt>
        <dd>
          {chantier.pilots.map((pilot) => (
            <div key={pilot.partner}>
              {pilot.partner}
              {NBSP}: {pilot.person ?? 'à désigner'}
            </div>
          ))}
        </dd>
        <dt>Stade du partenariat</dt>
        <dd>
          {chantier.stage_label}
          {chantier.stage_since && `, depuis le ${frenchDate(chantier.stage_since)}`}
        </dd>
        <dt>Avancement</dt>
        <dd>
          <Progress value={chantier.progress} />
        </dd>
        <dt>Actions</dt>
        <dd>{actionsSummary(chantier)}</dd>
      </dl>

      <section className={classes.section}>
        <h4 className={classes.sectionTitle}>Actions</h4>
        {chantier.actions.length === 0 ? (
          <p className={classes.none}>Aucune action n'est encore inscrite à ce chantier.</p>
        ) : (
          <table className={classes.table}>
            <colgroup>
              <col className={own.colReference} />
              <col />
              <col className={classes.colStatus} />
              <col className={classes.colDate} />
              <col className={own.colMark} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Réf.</th>
                <th scope="col">Action</th>
                <th scope="col">Statut</th>
                <th scope="col">Échéance</th>
                <th scope="col">Alerte</th>
              </tr>
            </thead>
            <tbody>
              {chantier.actions.map((action) => (
                <tr key={action.id} className={action.late || action.blocked ? own.alert : undefined}>
                  <td className={classes.nowrap}>{action.reference}</td>
                  <td>{action.title}</td>
                  <td>{action.status_label}</td>
                  <td className={classes.nowrap}>{action.end_date_label ?? '—'}</td>
                  <td>{[action.late && 'En retard', action.blocked && 'Action bloquée'].filter(Boolean).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className={classes.section}>
        <h4 className={classes.sectionTitle}>Depuis le précédent CODIRI</h4>
        {since === null ? (
          <p className={classes.none}>Premier CODIRI{NBSP}: pas d'évolution à présenter.</p>
        ) : chantier.changes.length === 0 ? (
          <p className={classes.none}>Aucune action créée, aucun statut ni aucune échéance modifiés depuis le {frenchDate(since)}.</p>
        ) : (
          <ul className={own.changes}>
            {chantier.changes.map((change) => (
              <li key={`${change.action_id}-${change.kind}`}>
                <span>{change.reference}</span>
                <span>
                  <strong>{change.title}</strong> — {change.text} <span className={`${classes.dim} ${classes.nowrap}`}>(le {frenchDate(change.on)})</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

function DecisionsSheet({ decisions }: { decisions: ExpectedDecision[] }) {
  return (
    <article className={decisions.length === 0 ? `${classes.sheet} ${own.brief}` : classes.sheet} aria-label="Décisions attendues">
      <p className={classes.intro}>
        Sont soumis à la décision du comité les points de l'ordre du jour et les actions signalés «{NBSP}à arbitrer{NBSP}», ainsi que les pistes inscrites à
        l'ordre du jour.
      </p>
      {decisions.length === 0 ? (
        <p className={classes.none}>Aucun point, aucune piste ni aucune action n'est à arbitrer.</p>
      ) : (
        <table className={classes.table}>
          <colgroup>
            <col className={classes.colShort} />
            <col />
            <col className={classes.colPerson} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Réf.</th>
              <th scope="col">Objet</th>
              <th scope="col">Présenté ou piloté par</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((decision) => (
              <tr key={`${decision.kind}-${decision.reference}`}>
                <td className={classes.nowrap}>{decision.reference}</td>
                <td>
                  {decision.title}
                  {decision.chantier_label && <div className={`${classes.dim} ${classes.small}`}>{decision.chantier_label}</div>}
                </td>
                <td>{decision.by ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

/** The whole dossier, loaded on its own; tells the page when it is shown (the toolbar waits for it). */
export function DossierSheets({ id, onShown }: { id: string; onShown: (shown: boolean) => void }) {
  const { data: dossier, error } = useApiData('getCodiriDossier', id);
  // The printed headings of this dossier, once counted (empty if they could not be): the toolbar waits for them, so what prints has its page numbers.
  const [printed, setPrinted] = useState<{ of: CodiriDossier; headings: PrintedHeading[] }>();
  const headings = dossier && printed?.of === dossier ? printed.headings : null;
  useEffect(() => {
    if (!dossier) return;
    let current = true;
    void laidOut()
      .then(() => send('getPrintedHeadings', id, 'dossier_codiri'))
      .then((result) => current && setPrinted({ of: dossier, headings: result.ok ? result.value : [] }));
    return () => {
      current = false;
    };
  }, [dossier, id]);
  useEffect(() => {
    onShown(!!dossier && headings !== null);
    return () => onShown(false);
  }, [dossier, headings, onShown]);
  if (error) {
    return (
      <Alert color="red" title="Dossier impossible">
        {error.message}
      </Alert>
    );
  }
  if (!dossier) return null;
  const since = dossier.previous?.meeting.date ?? null;
  return (
    <>
      <CoverSheet dossier={dossier} headings={headings} />
      <Part number={1} title={CONVOCATION_TITLE} />
      <ConvocationSheet document={dossier.convocation} />
      {/* Without a previous CODIRI, the sommaire says so: no page. */}
      {dossier.previous && (
        <>
          <Part number={2} title={previousTitle(dossier)}>
            {dossier.previous.minutes.validation.sentence}
          </Part>
          <MinutesSheet document={dossier.previous.minutes} />
        </>
      )}
      <Part number={3} title={CHANTIERS_TITLE}>
        {since ? `Ce qui a changé depuis le précédent CODIRI, le ${frenchDate(since)}, figure sur la page de chaque chantier.` : undefined}
      </Part>
      {dossier.chantiers.map((chantier) => (
        <ChantierSheet key={chantier.id} chantier={chantier} since={since} />
      ))}
      <Part number={4} title={DECISIONS_TITLE} />
      <DecisionsSheet decisions={dossier.decisions} />
      {/* No décision expected: one sentence, and the tableau de bord on the same page. */}
      <Part number={5} title={DASHBOARD_TITLE} samePage={dossier.decisions.length === 0}>
        Situation au {frenchDate(dossier.dashboard.today)}
      </Part>
      <DashboardSheet dashboard={dossier.dashboard} standalone={false} />
    </>
  );
}
