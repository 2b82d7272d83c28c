// The language of an invitation's mail or letter (issue 12 item 13): one field, used by the
// coordinators' invitation form and by the administrator's first-coordinator form (through
// the module's face), so both ask the same question, check it the same way, and default to
// Dutch.
import { z } from 'zod';
import { languages, type Translate } from '../../platform/i18n/index.js';

/** The form field's name. */
export const INVITATION_LANGUAGE_FIELD = 'language';

/**
 * The field's schema: 'nl' or 'en'; left out means Dutch (the invitation's default). Another
 * value is refused with a message that names the field ("… de taal van de uitnodiging").
 * A function, not a constant: the module list and the catalogue import each other, so the
 * language list is read when a form is parsed, not while the modules load.
 */
export function invitationLanguageSchema() {
  return z.enum(languages).optional().describe('people.name.inviteLanguage');
}

/** A radio group's description of the field: labels translated, each language in its own. */
export interface InvitationLanguageChoice {
  name: typeof INVITATION_LANGUAGE_FIELD;
  label: string;
  description: string;
  /** The choice when the form has no value yet: Dutch. */
  default: 'nl';
  /** `lang`: each label is written in its own language (WCAG 3.1.2). */
  options: Array<{ value: 'nl' | 'en'; label: string; lang: 'nl' | 'en' }>;
}

/** The field as a view shows it, in the reader's language `t`. */
export function invitationLanguageChoice(t: Translate): InvitationLanguageChoice {
  return {
    name: INVITATION_LANGUAGE_FIELD,
    label: t('invite.language'),
    description: t('invite.language.hint'),
    default: 'nl',
    options: [
      { value: 'nl', label: t('account.language.nl'), lang: 'nl' },
      { value: 'en', label: t('account.language.en'), lang: 'en' },
    ],
  };
}
