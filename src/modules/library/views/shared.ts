// What the library views share.

/** A choice in a form: its value and the label shown. */
export type Option = { value: string; label: string };
