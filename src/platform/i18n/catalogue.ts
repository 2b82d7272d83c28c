// Every module's strings in one catalogue per language. A module adds its messages here.
import { networkMessages } from '../../modules/network/messages.js';
import { peopleMessages } from '../../modules/people/messages.js';
import { siteMessages } from '../../modules/site/messages.js';
import { platformMessages } from './platform.messages.js';

export const catalogue = {
  nl: { ...platformMessages.nl, ...siteMessages.nl, ...networkMessages.nl, ...peopleMessages.nl },
  en: { ...platformMessages.en, ...siteMessages.en, ...networkMessages.en, ...peopleMessages.en },
};

export type MessageKey = keyof typeof catalogue.nl;
