// Return addresses (`?terug=`, a form's `terug` or `back` field): the one place that decides
// where the site may send someone back to. Only a path on this site is accepted; anything
// else — another site, a scheme, a path a browser would read as another host — gives the
// safe default. The result is always plain ASCII, so it can go into a Location header.

/** A stand-in origin to parse against: the site's own, whatever its real address is. */
const OWN_ORIGIN = 'http://buurtkracht.invalid';
/** Longer return addresses are not ours (our own paths are far shorter). */
const MAX_RETURN_LENGTH = 2_000;

/**
 * `value` as a path on this site (path, query and fragment, percent-encoded), or `fallback`.
 * Refused: anything but a string starting with one `/`; control characters (a browser drops
 * tab and newline, so `/\t/evil.example` would become `//evil.example`); backslashes (read
 * as `/`); the same in encoded form (`/%2F%2Fevil.example`, `/%5Cevil.example`); and
 * whatever parses to another origin.
 */
export function safeLocalPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > MAX_RETURN_LENGTH) return fallback;
  if (!value.startsWith('/') || looksForeign(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  if (path.startsWith('//') || looksForeign(decoded)) return fallback;
  return path;
}

/** Control characters, backslashes or a leading `//`: what makes a path point elsewhere. */
function looksForeign(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
  return /[\u0000-\u001f\u007f\\]/.test(text) || text.startsWith('//');
}
