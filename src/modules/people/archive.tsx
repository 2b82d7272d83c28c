// The "my data" download (AVG articles 15 and 20): one ZIP with the data for machines
// (gegevens.json), a readable summary in the person's language (overzicht.html), a note on
// what is where (LEESMIJ.txt), and the person's own files (photos). Built by fflate.
import { strToU8, zipSync } from 'fflate';
import { renderToString } from 'preact-render-to-string';
import { isMessageKey, type Lang, type Translate } from '../../platform/i18n/index.js';
import { DataSummary } from '../../platform/views/DataSummary.js';

/** The export as exportPerson gives it: its parts by name (each module's under its name). */
export type PersonExport = Record<string, unknown>;

/**
 * The ZIP of a person's data: bytes, ready to send. `files`: their photos, each with its path
 * inside the archive. Pure: no I/O.
 */
export function buildPersonArchive(
  data: PersonExport,
  files: Array<{ name: string; data: Buffer }>,
  t: Translate,
  lang: Lang,
): Uint8Array {
  // A module's part reads its field names and codes from the module's messages
  // (`signals.status.taken_up`); the platform's own parts from the people module's.
  const parts = Object.entries(data).map(([name, value]) => {
    const own = `myData.part.${name}`;
    const module = `${name}.personData.title`;
    if (isMessageKey(module)) return { name, heading: t(module), data: value };
    return { name: 'myData', heading: isMessageKey(own) ? t(own) : name, data: value };
  });
  const html = `<!doctype html>${renderToString(
    <DataSummary
      t={t}
      lang={lang}
      title={t('myData.archive.title')}
      intro={t('myData.archive.intro')}
      parts={parts}
      files={files.map((f) => f.name)}
    />,
  )}`;
  const entries: Record<string, Uint8Array> = {
    'LEESMIJ.txt': strToU8(t('myData.archive.readme')),
    'overzicht.html': strToU8(html),
    'gegevens.json': strToU8(JSON.stringify(data, null, 2)),
  };
  for (const file of files) entries[file.name] = new Uint8Array(file.data);
  return zipSync(entries, { level: 6 });
}
