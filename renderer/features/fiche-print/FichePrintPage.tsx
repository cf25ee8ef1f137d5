import { frenchDate, frenchDay } from '../../../common/french';
import {
  ACTION_STATUS_LABELS,
  COOPERATION_FORM_LABELS,
  FINALITE_LABELS,
  FUNDER_TYPE_LABELS,
  FUNDING_STATUS_LABELS,
  partyKindLabel,
  PRIORITY_LABELS,
  TAX_BASIS_LABELS,
} from '../../../common/vocabulary';
import type { ActionBudget, ActionDetail, ActionHistory, ActionHistoryEntry, IndicatorView } from '../../../preload/contract';
import { call, useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { href } from '../../app/navigation';
import { formatEuros, formatMeasure } from '../../shared/format';
import { Unbroken } from '../../shared/Unbroken';
import { NBSP } from '../minutes-print/MinutesSheet';
import { PrintPreview, usePrintBusy, usePrintTitle } from '../minutes-print/PrintPreview';
import classes from '../minutes-print/MinutesPrint.module.css';

/** The changes of the fiche printed: the latest ones made by people, enough for a comité. */
const HISTORY_LINES = 12;

/** The fiche action laid out on A4 for a comité or an élu, with its toolbar to print or save as PDF. */
export function FichePrintPage({ id }: { id: string }) {
  const { data: action, error } = useApiData('getAction', id);
  const { data: indicators } = useApiData('getActionIndicators', id);
  const { data: budget } = useApiData('getActionBudget', id);
  const { data: history } = useApiData('getActionHistory', id, null);
  const { data: chantiers } = useApiData('listChantiers');
  const [busy, setBusy] = usePrintBusy();
  const ready = !!(action && indicators && budget && history && chantiers);
  usePrintTitle(action ? `Fiche action ${action.reference} – ${action.title}` : null);

  const chantier = chantiers?.find((c) => c.id === action?.chantier_id);
  return (
    <PrintPreview
      back={{ href: href({ page: 'action', id }), label: 'Retour à la fiche' }}
      ready={ready}
      busy={busy}
      setBusy={setBusy}
      savePdf={() => call('saveActionFicheAsPdf', id)}
      error={error}
    >
      {ready && (
        <div className={classes.desk}>
          <FicheSheet
            action={action}
            indicators={indicators}
            budget={budget}
            history={history}
            chantierLabel={chantier ? `Chantier ${chantier.number} · ${chantier.title}` : ''}
          />
        </div>
      )}
    </PrintPreview>
  );
}

interface SheetProps {
  action: ActionDetail;
  indicators: IndicatorView[];
  budget: ActionBudget;
  history: ActionHistory;
  chantierLabel: string;
}

function FicheSheet({ action, indicators, budget, history, chantierLabel }: SheetProps) {
  const { project, partners } = useAppState();
  const date = (iso: string | null) => (iso ? frenchDate(iso) : '—');
  // The project's starting data (no date) are no one's edit: the screen's Historique shows them.
  const edits = history.entries.filter((entry): entry is ActionHistoryEntry & { at: string } => entry.at !== null);
  return (
    <article className={classes.sheet} aria-label={`Fiche action\u202f: ${action.title}`}>
      <div className={classes.partners}>
        {partners.map((partner) => (
          <span key={partner.id}>{partner.name}</span>
        ))}
      </div>
      <p className={classes.project}>{project.name}</p>
      <header className={classes.titleBlock}>
        <h2 className={classes.kind}>Fiche action</h2>
        <p className={classes.meetingTitle}>
          {action.reference} {action.title}
        </p>
        <p className={classes.version}>{chantierLabel}</p>
      </header>

      <dl className={classes.facts}>
        <dt>Statut</dt>
        <dd>
          {action.status ? ACTION_STATUS_LABELS[action.status] : '—'}
          {action.late ? ' (en retard)' : ''}
        </dd>
        <dt>Priorité</dt>
        <dd>{action.priority ? PRIORITY_LABELS[action.priority] : '—'}</dd>
        <dt>Début</dt>
        <dd>{date(action.start_date)}</dd>
        <dt>Échéance</dt>
        <dd>{date(action.end_date)}</dd>
        <dt>Avancement</dt>
        <dd>{`${action.progress}${NBSP}%`}</dd>
        {partners.map((partner) => {
          const pilot = action.pilots.find((p) => p.partner_id === partner.id);
          return [
            <dt key={`${partner.id}-dt`}>Pilote {partner.short_name}</dt>,
            <dd key={`${partner.id}-dd`}>
              {pilot?.person_name ?? 'Sans pilote'}
              {pilot?.services ? ` — ${pilot.services}` : ''}
            </dd>,
          ];
        })}
        <dt>Finalités</dt>
        <dd>{action.finalites.length ? action.finalites.map((finalite) => FINALITE_LABELS[finalite]).join(', ') : '—'}</dd>
        <dt>Forme de coopération</dt>
        <dd>{action.cooperation_form ? COOPERATION_FORM_LABELS[action.cooperation_form] : '—'}</dd>
      </dl>

      {action.description && (
        <section className={classes.section}>
          <h3 className={classes.sectionTitle}>Description</h3>
          <p style={{ whiteSpace: 'pre-wrap' }}>{action.description}</p>
        </section>
      )}

      <section className={classes.section}>
        <h3 className={classes.sectionTitle}>Élus et partenaires extérieurs</h3>
        {action.parties.length === 0 ? (
          <p className={classes.none}>Aucun.</p>
        ) : (
          <ul>
            {action.parties.map((party) => (
              <li key={party.id}>
                {party.name}
                {party.role ? `, ${party.role}` : ''}
                {party.organisation ? ` (${party.organisation})` : ''} — {partyKindLabel(party).toLowerCase()}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={classes.section}>
        <h3 className={classes.sectionTitle}>Indicateurs</h3>
        {indicators.length === 0 ? (
          <p className={classes.none}>Aucun indicateur suivi.</p>
        ) : (
          <table className={classes.table}>
            <thead>
              <tr>
                <th scope="col">Indicateur</th>
                <th scope="col">Dernière valeur</th>
                <th scope="col">Cible</th>
                <th scope="col">Écart</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((indicator) => (
                <tr key={indicator.id}>
                  <td>{indicator.name}</td>
                  <td className={classes.nowrap}>
                    {indicator.latest ? `${formatMeasure(indicator.latest.value, indicator.unit)} (${frenchDate(indicator.latest.date)})` : '—'}
                  </td>
                  <td className={classes.nowrap}>
                    {indicator.target_value === null ? '—' : formatMeasure(indicator.target_value, indicator.unit)}
                    {indicator.target_date ? ` au ${frenchDate(indicator.target_date)}` : ''}
                  </td>
                  <td className={classes.number}>{indicator.gap === null ? '—' : formatMeasure(indicator.gap, indicator.unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className={classes.section}>
        <h3 className={classes.sectionTitle}>Budget et financeurs</h3>
        {budget.lines.length === 0 && budget.fundings.length === 0 ? (
          <p className={classes.none}>Aucun budget renseigné.</p>
        ) : (
          <>
            {budget.lines.length > 0 && (
              <table className={classes.table}>
                <thead>
                  <tr>
                    <th scope="col">Année</th>
                    <th scope="col">Partenaire</th>
                    <th scope="col">Prévu</th>
                    <th scope="col">Dépensé</th>
                  </tr>
                </thead>
                <tbody>
                  {budget.lines.map((line) => (
                    <tr key={line.id}>
                      <td>{line.year}</td>
                      <td>{line.partner_name}</td>
                      <td className={classes.number}>
                        {formatEuros(line.planned)} {TAX_BASIS_LABELS[line.tax_basis]}
                      </td>
                      <td className={classes.number}>{line.spent === null ? '—' : `${formatEuros(line.spent)} ${TAX_BASIS_LABELS[line.tax_basis]}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {budget.totals.map((total) => (
              <p key={total.tax_basis}>
                Total {TAX_BASIS_LABELS[total.tax_basis]}
                {NBSP}: {formatEuros(total.planned)} prévus, {formatEuros(total.spent)} dépensés.
              </p>
            ))}
            {budget.fundings.map((funding) => (
              <p key={funding.id}>
                {FUNDER_TYPE_LABELS[funding.funder_type]}
                {funding.funder_name ? ` (${funding.funder_name})` : ''}
                {NBSP}: {formatEuros(funding.amount)}, {FUNDING_STATUS_LABELS[funding.status].toLowerCase()}.
              </p>
            ))}
          </>
        )}
      </section>

      <section className={classes.section}>
        <h3 className={classes.sectionTitle}>Étapes</h3>
        {action.steps.length === 0 ? (
          <p className={classes.none}>Aucune étape.</p>
        ) : (
          <ul>
            {action.steps.map((step) => (
              <li key={step.id}>
                {step.done ? '☑' : '☐'} {step.label}
              </li>
            ))}
          </ul>
        )}
      </section>

      {action.notes.length > 0 && (
        <section className={classes.section}>
          <h3 className={classes.sectionTitle}>Dernières notes de suivi</h3>
          {action.notes.slice(0, 5).map((note) => (
            <p key={note.id}>
              <strong>
                {frenchDate(note.date)}
                {note.author_name ? `, ${note.author_name}` : ''}
                {NBSP}:
              </strong>{' '}
              {note.text}
            </p>
          ))}
        </section>
      )}

      <section className={classes.section}>
        <h3 className={classes.sectionTitle}>Dernières modifications</h3>
        {edits.length === 0 ? (
          <p>Aucune modification depuis les données de départ.</p>
        ) : (
          <table className={classes.table}>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Par</th>
                <th scope="col">Champ</th>
                <th scope="col">Valeur</th>
              </tr>
            </thead>
            <tbody>
              {edits.slice(0, HISTORY_LINES).map((entry) => (
                <tr key={`${entry.origin}-${entry.seq}`}>
                  <td className={classes.nowrap}>{frenchDay(entry.at)}</td>
                  <td>
                    <Unbroken text={entry.author.label} />
                  </td>
                  <td>
                    {entry.row_label ? `${entry.row_label} — ` : ''}
                    {entry.field_label}
                  </td>
                  <td>
                    {entry.before.length > 0 && `${entry.before.map((previous) => previous.text ?? '(vide)').join(' / ')} → `}
                    {excerpt(entry.after.text ?? '(vide)')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}

const excerpt = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);
