import { defineMessages } from '../../platform/i18n/define.js';

export const sparksMessages = defineMessages({
  nl: { 'sparks.title': 'Sparks' },
  en: { 'sparks.title': 'Sparks' },
});
