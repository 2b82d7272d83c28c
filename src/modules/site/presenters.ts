// Settings → the view models of the privacy and accessibility statements. Pure.

import { formatDate, type Lang, translator } from '../../platform/i18n/index.js';
import { OUTBOX_RETENTION_DAYS } from '../../platform/mail.js';
import type { LegalSettings, PlatformSettings } from '../../platform/settings.js';
import type { AccessibilityViewModel, PrivacyViewModel } from './views/pages.js';

/** A text typed in a textarea, as paragraphs (empty lines separate them). */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export function presentLegal(
  settings: PlatformSettings,
  legal: LegalSettings,
  lang: Lang,
): { privacy: PrivacyViewModel; accessibility: AccessibilityViewModel } {
  const t = translator(lang);
  const base = {
    organisation: settings.organisationName || t('legal.someone'),
    contact: settings.privacyContact.trim() || null,
    address: legal.organisationAddress.trim() || null,
  };
  const reviewed = /^\d{4}-\d{2}-\d{2}$/.test(legal.accessibilityReviewedOn)
    ? new Date(`${legal.accessibilityReviewedOn}T12:00:00Z`)
    : undefined;
  return {
    privacy: {
      ...base,
      note: paragraphs(lang === 'nl' ? legal.privacyNoteNl : legal.privacyNoteEn),
      signalMonths: settings.personalSignalMonths,
      accountMonths: settings.closedAccountMonths,
      mailDays: OUTBOX_RETENTION_DAYS,
    },
    accessibility: {
      ...base,
      note: paragraphs(lang === 'nl' ? legal.accessibilityNoteNl : legal.accessibilityNoteEn),
      status: legal.accessibilityStatus,
      reviewedOn: reviewed && !Number.isNaN(reviewed.getTime()) ? formatDate(lang, reviewed) : null,
      issues: paragraphs(legal.accessibilityIssues),
    },
  };
}
