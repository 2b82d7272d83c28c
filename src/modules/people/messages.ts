// The people module's interface strings: Dutch first, English second (one file each).
import { defineMessages } from '../../platform/i18n/define.js';
import { en } from './messages.en.js';
import { nl } from './messages.nl.js';

export const peopleMessages = defineMessages({ nl, en });
