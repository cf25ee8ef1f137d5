import { VisuallyHidden } from '@mantine/core';
import { fieldLabel } from '../../../common/fields';
import classes from './ActionProgress.module.css';

interface Props {
  value: number;
  barWidth: number;
  /** Says « Avancement » (tooltip and screen reader) where no column header does: on a card. */
  labelled?: boolean;
}

/** An action's avancement as a short bar and its figure, in plain spans: a board or a table draws hundreds of them. */
export function ActionProgress({ value, barWidth, labelled = false }: Props) {
  const label = fieldLabel('action', 'progress');
  return (
    <span className={classes.progress} title={labelled ? label : undefined}>
      {labelled && <VisuallyHidden>{label}&#x202f;: </VisuallyHidden>}
      <span className={classes.bar} style={{ width: barWidth }} aria-hidden>
        <span style={{ width: `${value}%` }} />
      </span>
      {value}&nbsp;%
    </span>
  );
}
