// Paramètres › Coopérations: the cooperations of this computer, and Entente reopened on another.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { forgetCooperation, newCooperationFolder, readRegistry, registeredCooperation } from '../../db/project/registry';
import { ValidationError } from '../../db/errors';
import type { Session } from '../session';
import type { Handlers } from './handlers';

export interface CooperationContext {
  /** The folder of the registry (main/cooperations.ts). */
  home: string;
  /** Puts the open data folder in the registry under its current name. */
  register: () => void;
  /** Closes Entente and starts it again on that data folder. */
  reopenOn: (dataDir: string) => Promise<void>;
}

export function createCooperationHandlers(
  session: Session,
  { home, register, reopenOn }: CooperationContext,
): Pick<Handlers, 'listCooperations' | 'openCooperation' | 'createCooperationFolder' | 'forgetCooperation'> {
  const isOpen = (dataDir: string) => resolve(dataDir) === resolve(session.dataDir);
  return {
    listCooperations: () => {
      // The open one's name may have changed (first start done, renamed) since it was registered.
      register();
      return readRegistry(home).map((cooperation) => ({ ...cooperation, open: isOpen(cooperation.dataDir), missing: !existsSync(cooperation.dataDir) }));
    },
    openCooperation: (dataDir) => {
      const { dataDir: registered } = registeredCooperation(home, dataDir);
      if (isOpen(registered)) throw new ValidationError('Cette coopération est déjà ouverte.');
      void reopenOn(registered);
      return registered;
    },
    forgetCooperation: (dataDir) => {
      if (isOpen(dataDir)) throw new ValidationError("La coopération ouverte ne peut pas être retirée de la liste : ouvrez-en une autre d'abord.");
      forgetCooperation(home, dataDir);
      return resolve(dataDir);
    },
    createCooperationFolder: () => {
      const dataDir = newCooperationFolder(home);
      void reopenOn(dataDir);
      return dataDir;
    },
  };
}
