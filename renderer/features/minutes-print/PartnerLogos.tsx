// Each partner's logo (chosen in Paramètres › Partenaires), each above its name, at the
// top of every printed document. A partner without a logo keeps its name alone.
import type { PrintedPartner } from '../../../preload/contract';
import { Unbroken } from '../../shared/Unbroken';
import classes from './MinutesPrint.module.css';

export function PartnerLogos({ partners }: { partners: PrintedPartner[] }) {
  return (
    <div className={classes.partners}>
      {partners.map((partner) => (
        <div key={partner.id} className={classes.partner}>
          {partner.logo && <img className={classes.logo} src={partner.logo.data_url} alt={`Logo du partenaire ${partner.short_name}`} />}
          <span>
            <Unbroken text={partner.name} />
          </span>
        </div>
      ))}
    </div>
  );
}
