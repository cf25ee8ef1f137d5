import { frenchDate } from '../../../common/french';
import type { DashboardPeriod } from '../../../preload/contract';
import { call, useApiData } from '../../api';
import { href } from '../../app/navigation';
import { PrintPreview, usePrintBusy, usePrintTitle } from '../minutes-print/PrintPreview';
import classes from '../minutes-print/MinutesPrint.module.css';
import { DashboardSheet } from './DashboardSheet';

/** The Tableau de bord laid out on A4, with its toolbar to print or save as PDF. */
export function DashboardPrintPage({ period }: { period: DashboardPeriod }) {
  const { data, error } = useApiData('getDashboard', period);
  const [busy, setBusy] = usePrintBusy();
  usePrintTitle(data ? `Tableau de bord de la coopération au ${frenchDate(data.today)}` : null);

  return (
    <PrintPreview
      back={{ href: href({ page: 'dashboard' }), label: 'Retour au tableau de bord' }}
      ready={!!data}
      busy={busy}
      setBusy={setBusy}
      savePdf={() => call('saveDashboardAsPdf')}
      error={error}
    >
      {data && (
        <div className={classes.desk}>
          <DashboardSheet dashboard={data} />
        </div>
      )}
    </PrintPreview>
  );
}
