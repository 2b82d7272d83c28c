import { defineMessages } from '../../platform/i18n/define.js';

export const signalsMessages = defineMessages({
  nl: { 'signals.title': 'Signals' },
  en: { 'signals.title': 'Signals' },
});
