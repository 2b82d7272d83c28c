import { defineMessages } from '../../platform/i18n/define.js';

export const networkMessages = defineMessages({
  nl: {
    'networks.title': 'Buurtnetwerken',
  },
  en: {
    'networks.title': 'Neighbourhood networks',
  },
});
