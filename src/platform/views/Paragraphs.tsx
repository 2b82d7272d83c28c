// A text kept as paragraphs (presenters split it on blank lines): one <p> each.

/**
 * `text` as paragraphs. `lang` marks text people wrote ("nl": the content is Dutch, also on
 * an English page, so a screen reader reads it with a Dutch voice; WCAG 3.1.2).
 */
export function Paragraphs({ text, lang }: { text: string[]; lang?: 'nl' | undefined }) {
  return (
    <>
      {text.map((p, n) => (
        <p class="utrecht-paragraph" key={n} lang={lang}>
          {p}
        </p>
      ))}
    </>
  );
}
