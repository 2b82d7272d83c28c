// How long a meeting lasts when nobody said: a file without imports, so the repository and
// the service can use it while the module graph is still loading (no import cycle).

/** A meeting is planned for two hours unless said otherwise (ms). */
export const DEFAULT_LENGTH_MS = 2 * 3_600_000;
