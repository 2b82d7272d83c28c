// A person's data as a readable page (the summary in the "my data" download, AVG art. 15):
// every part of the export, with field names and codes in the reader's language where the
// catalogue knows them (`<part>.field.<name>`, `<part>.<name>.<code>`), else as they are.
import { formatDateTime, isMessageKey, type Lang, type Translate } from '../i18n/index.js';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** `createdAt` → "created at": a readable name for a field the catalogue does not know. */
function spaced(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

interface Reader {
  t: Translate;
  lang: Lang;
}

function fieldLabel(reader: Reader, part: string, name: string): string {
  const key = `${part}.field.${name}`;
  return isMessageKey(key) ? reader.t(key) : spaced(name);
}

function valueText(reader: Reader, part: string, name: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return reader.t(value ? 'summary.yes' : 'summary.no');
  if (value instanceof Date) return formatDateTime(reader.lang, value);
  if (typeof value === 'string') {
    if (ISO_TIME.test(value)) {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime())) return formatDateTime(reader.lang, date);
    }
    const key = `${part}.${name}.${value}`;
    return isMessageKey(key) ? reader.t(key) : value;
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

/** One value of the export: a table for a list of records, a list of fields for a record. */
function Value({
  reader,
  part,
  name,
  value,
}: {
  reader: Reader;
  part: string;
  name: string;
  value: unknown;
}) {
  if (Array.isArray(value)) {
    if (value.length === 0) return <p>{reader.t('summary.none')}</p>;
    if (value.every(isRecord)) {
      const columns = [...new Set(value.flatMap((row) => Object.keys(row)))];
      return (
        <table>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col">{fieldLabel(reader, part, c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {value.map((row) => (
              <tr>
                {columns.map((c) => (
                  <td>{valueText(reader, part, c, row[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    return <p>{value.map((v) => valueText(reader, part, name, v)).join(', ')}</p>;
  }
  if (isRecord(value)) {
    return (
      <dl>
        {Object.entries(value).map(([k, v]) => (
          <>
            <dt>{fieldLabel(reader, part, k)}</dt>
            <dd>
              {Array.isArray(v) || isRecord(v) ? (
                <Value reader={reader} part={part} name={k} value={v} />
              ) : (
                valueText(reader, part, k, v)
              )}
            </dd>
          </>
        ))}
      </dl>
    );
  }
  return <p>{valueText(reader, part, name, value)}</p>;
}

/**
 * The whole page. `parts`: the export's parts by name (the platform's own, then each
 * module's under its person-data name); `files`: the names of the files beside it.
 */
export function DataSummary({
  t,
  lang,
  title,
  intro,
  parts,
  files,
}: Reader & {
  title: string;
  intro: string;
  parts: Array<{ name: string; heading: string; data: unknown }>;
  files: string[];
}) {
  const reader = { t, lang };
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style>
          {
            'body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:1rem auto;padding:0 1rem}table{border-collapse:collapse;display:block;overflow-x:auto}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}dt{font-weight:bold}dd{margin:0 0 .5rem}'
          }
        </style>
      </head>
      <body>
        <h1>{title}</h1>
        <p>{intro}</p>
        {parts.map((part) => (
          <section>
            <h2>{part.heading}</h2>
            <Value reader={reader} part={part.name} name={part.name} value={part.data} />
          </section>
        ))}
        {files.length > 0 ? (
          <section>
            <h2>{t('summary.files')}</h2>
            <ul>
              {files.map((f) => (
                <li>
                  <a href={f}>{f}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </body>
    </html>
  );
}
