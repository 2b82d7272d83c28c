// Every module's strings in one catalogue per language. A module adds its messages here.
import { networkMessages } from '../../modules/network/messages.js';
import { peopleMessages } from '../../modules/people/messages.js';
import { signalsMessages } from '../../modules/signals/messages.js';
import { siteMessages } from '../../modules/site/messages.js';
import { sparksMessages } from '../../modules/sparks/messages.js';
import { platformMessages } from './platform.messages.js';

export const catalogue = {
  nl: {
    ...platformMessages.nl,
    ...siteMessages.nl,
    ...networkMessages.nl,
    ...peopleMessages.nl,
    ...signalsMessages.nl,
    ...sparksMessages.nl,
  },
  en: {
    ...platformMessages.en,
    ...siteMessages.en,
    ...networkMessages.en,
    ...peopleMessages.en,
    ...signalsMessages.en,
    ...sparksMessages.en,
  },
};

export type MessageKey = keyof typeof catalogue.nl;
