/**
 * A module's interface strings in both languages. The type makes the English catalogue
 * list exactly the keys of the Dutch one, so neither can fall behind the other.
 */
export function defineMessages<const K extends string>(messages: {
  nl: Record<K, string>;
  en: NoInfer<Record<K, string>>;
}): { nl: Record<K, string>; en: Record<K, string> } {
  return messages;
}
