// What looks like personal details in a signal's text: a Dutch phone number, an email
// address or a house number. Pure; the form uses it for a warning, never to refuse.
export type PersonalDetail = 'phone' | 'email' | 'houseNumber';

const PHONE = /(?:(?:\+|00)31[\s-]?(?:\(0\)[\s-]?)?|(?<![\d+])0)(?:\d[\s-]?){8}\d(?!\d)/;
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;
const STREET_SUFFIX =
  '(?:straat|laan|weg|plein|singel|gracht|kade|dijk|hof|steeg|pad|dreef|park|erf|markt|baan|ring|veld|wal|haven|plantsoen|allee|boulevard|hoven|poort|zijde|akker|kamp|brink|weide|dam)';
const STREET_NUMBER = new RegExp(
  `[\\p{L}'.-]*${STREET_SUFFIX}\\s+\\d{1,5}(?:\\s?[a-z])?(?![\\d\\p{L}])`,
  'iu',
);
const NUMBER_WORD = /(?<![\p{L}])(?:nr|no|nummer|huisnummer)\.?\s*\d{1,5}(?!\d)/iu;

export function personalDetails(...texts: Array<string | undefined>): PersonalDetail[] {
  const found = new Set<PersonalDetail>();
  for (const text of texts) {
    if (!text) continue;
    if (PHONE.test(text)) found.add('phone');
    if (EMAIL.test(text)) found.add('email');
    if (STREET_NUMBER.test(text) || NUMBER_WORD.test(text)) found.add('houseNumber');
  }
  return [...found];
}
