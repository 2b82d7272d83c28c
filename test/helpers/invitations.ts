// Shared by the invitation tests: the code printed on a letter page.
import assert from 'node:assert/strict';

/** The code on a printed invitation letter (its HTML); fails the test when there is none. */
export function letterCode(html: string): string {
  const code = /class="bk-letter__code">([A-Z0-9-]+)</.exec(html)?.[1];
  assert.ok(code, 'the letter shows a code');
  return code;
}
