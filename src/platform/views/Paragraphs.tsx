// A text kept as paragraphs (presenters split it on blank lines): one <p> each.
export function Paragraphs({ text }: { text: string[] }) {
  return (
    <>
      {text.map((p, n) => (
        <p class="utrecht-paragraph" key={n}>
          {p}
        </p>
      ))}
    </>
  );
}
