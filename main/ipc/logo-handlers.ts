// The partners' logos that head the printed documents: kept in the project, so they sync.
import type { BrowserWindow } from 'electron';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { logoTooLarge, MAX_LOGO_BYTES, partnerLogos, removePartnerLogo, setPartnerLogo } from '../../db/people/logos';
import { chooseLogoFile } from '../dialogs';
import type { Session } from '../session';
import type { Handlers } from './handlers';

export function createLogoHandlers(
  session: Session,
  window: () => BrowserWindow | undefined,
): Pick<Handlers, 'listPartnerLogos' | 'choosePartnerLogo' | 'removePartnerLogo'> {
  const store = () => session.requireStore();
  return {
    listPartnerLogos: () => [...partnerLogos(store()).values()],
    choosePartnerLogo: async (partnerId) => {
      const file = await chooseLogoFile(window());
      if (!file) return null;
      const name = basename(file);
      // Said before reading a file that is far too large.
      if (statSync(file).size > MAX_LOGO_BYTES) throw logoTooLarge(name);
      setPartnerLogo(store(), partnerId, name, readFileSync(file));
      return { name };
    },
    removePartnerLogo: (partnerId) => removePartnerLogo(store(), partnerId),
  };
}
