// The synthèse des ateliers (#/pistes/synthese) laid out on A4 for the comité: the
// matrice, then each finalité's pistes ranked by score, every partner's means side by side.
import { Fragment } from 'react';
import { frenchDate, frenchTypography } from '../../../common/french';
import { PISTE_STATUS_LABELS, QUADRANT_THRESHOLD } from '../../../common/vocabulary';
import type { PistesSynthesis, RankedGroup } from '../../../preload/contract';
import { call, useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { href } from '../../app/navigation';
import { numberFormat } from '../../shared/format';
import { Unbroken } from '../../shared/Unbroken';
import { PartnerLogos } from '../minutes-print/PartnerLogos';
import { PrintPreview, usePrintBusy, usePrintTitle } from '../minutes-print/PrintPreview';
import classes from '../minutes-print/MinutesPrint.module.css';
import { MatrixLegend, PisteMatrix } from './PisteMatrix';
import { formatMean } from './labels';
import own from './SynthesisPrint.module.css';

/** « 1 000 pistes », with the French thousands' space. */
const pistes = (n: number) => `${numberFormat.format(n)} piste${n > 1 ? 's' : ''}`;

export function SynthesisPrintPage() {
  const { data, error } = useApiData('getPistesSynthesis', {});
  const [busy, setBusy] = usePrintBusy();
  usePrintTitle(data ? `Synthèse des ateliers – ${frenchDate(data.today)}` : null);

  return (
    <PrintPreview
      back={{ href: href({ page: 'pistes-matrix' }), label: 'Retour à la matrice des pistes' }}
      ready={!!data}
      busy={busy}
      setBusy={setBusy}
      savePdf={() => call('savePistesSynthesisAsPdf')}
      error={error}
    >
      {data && (
        <div className={classes.desk}>
          <SynthesisSheet synthesis={data} />
        </div>
      )}
    </PrintPreview>
  );
}

function SynthesisSheet({ synthesis }: { synthesis: PistesSynthesis }) {
  const { project } = useAppState();
  const { matrix, partners, groups } = synthesis;
  const total = matrix.points.length + matrix.unscored;
  return (
    <article className={classes.sheet} aria-label="Synthèse des ateliers">
      <PartnerLogos partners={partners} />
      <p className={classes.project}>{project.name}</p>
      <header className={classes.titleBlock}>
        <h2 className={classes.kind}>Synthèse des ateliers</h2>
        <p className={classes.version}>
          {frenchTypography(
            `Au ${frenchDate(synthesis.today)}\u202f: ${pistes(total)}, dont ${matrix.points.length} évaluée${matrix.points.length > 1 ? 's' : ''} par les partenaires`,
          )}
        </p>
      </header>

      <section className={classes.section}>
        <h3 className={classes.sectionTitle}>Matrice plus-value × faisabilité</h3>
        <p className={classes.intro}>
          {frenchTypography(
            `Chaque piste évaluée est placée selon la moyenne des partenaires (chacun pèse autant). À partir de ${formatMean(QUADRANT_THRESHOLD)} sur un axe, la note compte comme haute.` +
              (matrix.unscored > 0
                ? ` ${pistes(matrix.unscored)} pas encore évaluée${matrix.unscored > 1 ? 's' : ''} n'y figure${matrix.unscored > 1 ? 'nt' : ''} pas.`
                : ''),
          )}
        </p>
        <div className={own.matrix}>
          <PisteMatrix points={matrix.points} partners={partners} label="Matrice des pistes" print />
          <MatrixLegend partners={partners} print />
        </div>
      </section>

      {groups.length === 0 ? (
        <p className={classes.none}>Aucune piste n&apos;a encore été proposée.</p>
      ) : (
        <>
          <p className={`${classes.intro} ${own.key}`}>
            {frenchTypography(
              'Classement par finalité\u202f: de la meilleure note (plus-value × faisabilité des moyennes) à la moins bonne, les pistes non évaluées en dernier\u202f; une piste de plusieurs finalités figure dans chacune. PV\u202f: plus-value de la coopération\u202f; F\u202f: faisabilité à court terme\u202f; notes de 1 à 4, moyennes des évaluateurs de chaque partenaire.',
            )}
          </p>
          {groups.map((group) => (
            <RankedTable key={group.finalite ?? 'sans'} group={group} partners={partners} />
          ))}
        </>
      )}
    </article>
  );
}

/** Up to this many pistes, a finalité is not split between two pages. */
const SHORT_GROUP = 12;

/** One finalité's pistes, best first; each partner's means side by side, then both together. */
function RankedTable({ group, partners }: { group: RankedGroup; partners: PistesSynthesis['partners'] }) {
  const scoreWidth = partners.length > 2 ? '9.5mm' : '11mm';
  return (
    <section className={group.pistes.length <= SHORT_GROUP ? `${classes.section} ${own.short}` : classes.section}>
      <h3 className={classes.sectionTitle}>
        {frenchTypography(`${group.finalite ? `Finalité\u202f: ${group.label}` : group.label} (${pistes(group.pistes.length)})`)}
      </h3>
      <table className={`${classes.table} ${own.ranking}`}>
        {/* Fixed widths: the intitulé takes what the figures leave, whatever the partners' names; two partners leave room for wider notes. */}
        <colgroup>
          <col className={own.rank} />
          <col className={own.reference} />
          <col />
          <col className={own.partner} />
          {[...partners, null].map((partner) => (
            <Fragment key={partner?.id ?? 'ensemble'}>
              <col className={own.score} style={{ width: scoreWidth }} />
              <col className={own.score} style={{ width: scoreWidth }} />
            </Fragment>
          ))}
          <col className={own.status} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className={own.rank}>
              Rang
            </th>
            <th scope="col" rowSpan={2} className={own.reference}>
              Réf.
            </th>
            <th scope="col" rowSpan={2}>
              Intitulé
            </th>
            <th scope="col" rowSpan={2} className={own.partner}>
              Proposée par
            </th>
            {partners.map((partner) => (
              <th key={partner.id} scope="colgroup" colSpan={2} className={own.group}>
                {partner.short_name}
              </th>
            ))}
            <th scope="colgroup" colSpan={2} className={own.group}>
              Ensemble
            </th>
            <th scope="col" rowSpan={2} className={own.status}>
              Statut
            </th>
          </tr>
          <tr>
            {[...partners, null].map((partner) => (
              <Fragment key={partner?.id ?? 'ensemble'}>
                <th scope="col" className={own.score} title="Plus-value de la coopération">
                  PV
                </th>
                <th scope="col" className={own.score} title="Faisabilité à court terme">
                  F
                </th>
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {group.pistes.map((piste) => (
            <tr key={piste.id}>
              <td className={classes.number}>{piste.product === null ? '—' : piste.rank}</td>
              <td className={classes.nowrap}>{piste.reference}</td>
              <td>
                {frenchTypography(piste.title)}
                {piste.disagreement.flagged && <span className={own.flag}> (désaccord)</span>}
              </td>
              <td>
                <Unbroken text={piste.proposed_by.short_name} />
              </td>
              {partners.map((partner) => {
                const means = piste.by_partner.find((candidate) => candidate.partner_id === partner.id);
                return (
                  <Fragment key={partner.id}>
                    <td className={classes.number}>{formatMean(means?.plus_value ?? null)}</td>
                    <td className={classes.number}>{formatMean(means?.faisabilite ?? null)}</td>
                  </Fragment>
                );
              })}
              <td className={`${classes.number} ${own.together}`}>{formatMean(piste.together.plus_value)}</td>
              <td className={`${classes.number} ${own.together}`}>{formatMean(piste.together.faisabilite)}</td>
              <td>{PISTE_STATUS_LABELS[piste.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
