// Types the signals pages share.

/** A choice in a select or radio group. */
export type Option = { value: string; label: string };

/** The network a member page belongs to. */
export interface NetworkRef {
  id: number;
  name: string;
}
