// The platform settings a municipality sets on /beheer/instellingen (the name and logo on
// letters, the privacy contact, retention periods), kept in app_settings under `setting.`.
// In the platform, so every module may read them (the letters, the privacy page).
import type { Executor } from '../db/client.js';
import { platformRepository } from './repository.js';

export interface PlatformSettings {
  /** The organisation's name on letters and in the privacy statement ('' when not set). */
  organisationName: string;
  /** Who answers privacy questions: a name with an address or phone number. */
  privacyContact: string;
  /** Months after closing before a person-bound signal is made anonymous. */
  personalSignalMonths: number;
  /** Months a closed (deactivated) account is kept. */
  closedAccountMonths: number;
}

export const defaultSettings: PlatformSettings = Object.freeze({
  organisationName: '',
  privacyContact: '',
  personalSignalMonths: 12,
  closedAccountMonths: 24,
});

const PREFIX = 'setting.';
const LOGO = 'logo.png';

/** The settings, with the defaults for what was never set. */
export async function readPlatformSettings(db: Executor): Promise<PlatformSettings> {
  const stored = await platformRepository(db).listSettings(PREFIX);
  const text = (key: keyof PlatformSettings) =>
    stored.get(`${PREFIX}${key}`) ?? String(defaultSettings[key]);
  const months = (key: 'personalSignalMonths' | 'closedAccountMonths') => {
    const n = Number.parseInt(text(key), 10);
    return Number.isInteger(n) && n > 0 ? n : defaultSettings[key];
  };
  return {
    organisationName: text('organisationName'),
    privacyContact: text('privacyContact'),
    personalSignalMonths: months('personalSignalMonths'),
    closedAccountMonths: months('closedAccountMonths'),
  };
}

/** Saves every setting (one transaction is the caller's, when it wants one). */
export async function savePlatformSettings(db: Executor, values: PlatformSettings): Promise<void> {
  const repo = platformRepository(db);
  for (const [key, value] of Object.entries(values)) {
    await repo.saveSetting(`${PREFIX}${key}`, String(value));
  }
}

/** The logo on letters, as PNG bytes; undefined when none is set. */
export async function readLogo(db: Executor): Promise<Buffer | undefined> {
  const stored = (await platformRepository(db).listSettings(`${PREFIX}${LOGO}`)).get(
    `${PREFIX}${LOGO}`,
  );
  return stored ? Buffer.from(stored, 'base64') : undefined;
}

/** Sets the logo (PNG bytes, already checked and re-encoded), or removes it with null. */
export async function saveLogo(db: Executor, png: Buffer | null): Promise<void> {
  await platformRepository(db).saveSetting(`${PREFIX}${LOGO}`, png ? png.toString('base64') : '');
}

/**
 * What the privacy statement and the accessibility statement (/privacy, /toegankelijkheid)
 * take from the administrator, beside the organisation's name and privacy contact above.
 * The structure and the rest of the text are the platform's own, in both languages; the
 * notes are the organisation's additions per language.
 */
export interface LegalSettings {
  /** The controller's postal address. */
  organisationAddress: string;
  /** How far the platform meets WCAG 2.1 AA, as the organisation last established it. */
  accessibilityStatus: 'full' | 'partial' | 'none' | 'unknown';
  /** When that was last checked: YYYY-MM-DD, or ''. */
  accessibilityReviewedOn: string;
  /** Known problems and what is done about them ('' when none are known). */
  accessibilityIssues: string;
  privacyNoteNl: string;
  privacyNoteEn: string;
  accessibilityNoteNl: string;
  accessibilityNoteEn: string;
}

export const accessibilityStatuses = ['full', 'partial', 'none', 'unknown'] as const;

export const defaultLegalSettings: LegalSettings = Object.freeze({
  organisationAddress: '',
  accessibilityStatus: 'unknown',
  accessibilityReviewedOn: '',
  accessibilityIssues: '',
  privacyNoteNl: '',
  privacyNoteEn: '',
  accessibilityNoteNl: '',
  accessibilityNoteEn: '',
});

const LEGAL = 'legal.';

/** The statements' settings, with the defaults for what was never set. */
export async function readLegalSettings(db: Executor): Promise<LegalSettings> {
  const stored = await platformRepository(db).listSettings(LEGAL);
  const text = (key: keyof LegalSettings) =>
    stored.get(`${LEGAL}${key}`) ?? String(defaultLegalSettings[key]);
  const status = text('accessibilityStatus');
  return {
    organisationAddress: text('organisationAddress'),
    accessibilityStatus: (accessibilityStatuses as readonly string[]).includes(status)
      ? (status as LegalSettings['accessibilityStatus'])
      : 'unknown',
    accessibilityReviewedOn: text('accessibilityReviewedOn'),
    accessibilityIssues: text('accessibilityIssues'),
    privacyNoteNl: text('privacyNoteNl'),
    privacyNoteEn: text('privacyNoteEn'),
    accessibilityNoteNl: text('accessibilityNoteNl'),
    accessibilityNoteEn: text('accessibilityNoteEn'),
  };
}

/** Saves the statements' settings. */
export async function saveLegalSettings(db: Executor, values: LegalSettings): Promise<void> {
  const repo = platformRepository(db);
  for (const [key, value] of Object.entries(values)) {
    await repo.saveSetting(`${LEGAL}${key}`, String(value));
  }
}
