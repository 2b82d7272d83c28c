// The default signal themes (codes; labels in messages.ts) and a network's extra themes.
export const defaultThemes = [
  'social_isolation',
  'poverty',
  'safety',
  'youth',
  'elderly',
  'housing',
  'health',
  'public_space',
  'other',
] as const;
export type DefaultTheme = (typeof defaultThemes)[number];

export function isDefaultTheme(value: string): value is DefaultTheme {
  return (defaultThemes as readonly string[]).includes(value);
}

/** Every theme a signal of this network may carry: the defaults, then the network's own. */
export function themesOf(extraThemes: readonly string[] | undefined): string[] {
  return [...defaultThemes, ...(extraThemes ?? []).filter((t) => !isDefaultTheme(t))];
}
