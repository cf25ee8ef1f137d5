// The data folder's upkeep while the app is open: a backup a day, and the minutes whose
// validation delay has passed validated by silence. At start, then every hour once the sync
// job under way, if any, has ended: a write of main would wait for its transaction.
import { applyTacitValidations } from '../db/meetings/validation';
import type { Session } from './session';

const HOUR_MS = 60 * 60 * 1000;

/** Validates by silence what is due; whether any minutes changed. Failures are logged, never shown. */
function validateBySilence(session: Session): boolean {
  let store;
  try {
    store = session.requireStore();
  } catch {
    return false; // first start, or a damaged file
  }
  try {
    return applyTacitValidations(store).validated.length > 0;
  } catch (error) {
    console.error('Validation tacite impossible', error);
    return false;
  }
}

/** At start (the window about to load reads what changed), then hourly, telling the window when minutes changed. */
export function startUpkeep(session: Session, idle: () => Promise<void>, onValidated: () => void): void {
  void session.backupIfDue();
  validateBySilence(session);
  setInterval(
    () =>
      void idle().then(() => {
        void session.backupIfDue();
        if (validateBySilence(session)) onValidated();
      }),
    HOUR_MS,
  ).unref();
}
