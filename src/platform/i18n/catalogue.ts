// Every module's strings in one catalogue per language. A module adds its messages here.
import { siteMessages } from '../../modules/site/messages.js';
import { platformMessages } from './platform.messages.js';

export const catalogue = {
  nl: { ...platformMessages.nl, ...siteMessages.nl },
  en: { ...platformMessages.en, ...siteMessages.en },
};

export type MessageKey = keyof typeof catalogue.nl;
