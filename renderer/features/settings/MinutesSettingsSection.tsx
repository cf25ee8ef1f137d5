import { fieldLabel } from '../../../common/fields';
import { otherPartners } from '../../../common/partners';
import { useAppState } from '../../app/AppContext';
import { send, useApiData } from '../../api';
import { AutosaveNumber } from '../../shared/autosave/AutosaveFields';

/** Shared by every ordinateur: minutes sent for validation are validated by silence after this delay. */
export function MinutesSettingsSection() {
  const { data: settings } = useApiData('getSettings');
  const { partners } = useAppState();
  if (!settings) return null;
  return (
    <AutosaveNumber
      label={fieldLabel('project', 'validation_silence_days')}
      description={`Un compte rendu envoyé pour validation est validé sans réponse ${otherPartners(partners).of} au bout de ce délai.`}
      suffix={(days) => (days > 1 ? '\u00a0jours' : '\u00a0jour')}
      min={1}
      max={365}
      value={settings.validation_silence_days}
      save={(days) => send('setValidationSilenceDays', days)}
    />
  );
}
