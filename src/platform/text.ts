// Plain text for lists and cards. Pure.

/**
 * The first `max` characters of a text (counted in UTF-16 units, as String.length), cut after
 * a whole word when one ends in the second half, with an ellipsis; the text itself when it is
 * not longer. Line breaks stay; flatten them first for a one-line excerpt.
 */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
