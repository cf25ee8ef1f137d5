// The lettre on A4, as it is printed or saved as PDF: a title band with every partner's
// logos and names, the number, period and date; the editorial across the page; then the
// articles in two columns, none cut between two columns or two pages.
import { betweenPartners } from '../../../common/partners';
import type { NewsletterDocument } from '../../../preload/contract';
import { call, useApiData } from '../../api';
import { href } from '../../app/navigation';
import { PartnerLogos } from '../minutes-print/PartnerLogos';
import { PrintPreview, usePrintBusy, usePrintTitle } from '../minutes-print/PrintPreview';
import print from '../minutes-print/MinutesPrint.module.css';
import { MarkdownBlocks } from './MarkdownBlocks';
import classes from './Newsletter.module.css';

export function NewsletterPrintPage({ id }: { id: string }) {
  const { data, error } = useApiData('getNewsletterDocument', id);
  const [busy, setBusy] = usePrintBusy();
  usePrintTitle(data ? data.newsletter.title : null);
  return (
    <PrintPreview
      back={{ href: href({ page: 'newsletter', id }), label: 'Retour à la lettre' }}
      ready={!!data}
      busy={busy}
      setBusy={setBusy}
      savePdf={() => call('saveNewsletterAsPdf', id)}
      error={error}
    >
      {data && (
        <div className={print.desk}>
          <NewsletterSheet document={data} />
        </div>
      )}
    </PrintPreview>
  );
}

function NewsletterSheet({ document }: { document: NewsletterDocument }) {
  const { newsletter } = document;
  return (
    <article className={print.sheet} aria-label={newsletter.title}>
      <header className={classes.band}>
        <PartnerLogos partners={document.partners} />
        <div className={classes.bandTitle}>{newsletter.title}</div>
        <div className={classes.bandMeta}>
          <span>{document.project_name}</span>
          <span className={classes.bandWhen}>
            <span>Période {newsletter.period_label}</span>
            <span>{document.date_label}</span>
          </span>
        </div>
      </header>
      {document.editorial.length > 0 && (
        <section className={classes.editorial} aria-label="Éditorial">
          <div className={classes.label}>Éditorial</div>
          <MarkdownBlocks blocks={document.editorial} className={classes.text} />
        </section>
      )}
      <div className={classes.columns}>
        {document.items.map((item) => (
          <section key={item.id} className={classes.article} aria-label={item.title}>
            {item.kind_label && <div className={classes.label}>{item.kind_label}</div>}
            <h2 className={classes.articleTitle}>{item.title}</h2>
            <MarkdownBlocks blocks={item.blocks} className={classes.text} />
          </section>
        ))}
      </div>
      <p className={classes.footer}>Lettre d&apos;info de la coopération {betweenPartners(document.partners.map((partner) => partner.name))}.</p>
    </article>
  );
}
