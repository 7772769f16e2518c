const CONTEXT = 600;

/**
 * The source document's text around the evidence, the evidence itself
 * marked. Offsets are the extractor's, into the text ingestion stored; when
 * they do not fit that text (an older reading), the evidence is found by
 * its words instead.
 */
export function Evidence({
  text,
  evidence,
}: {
  text: string;
  evidence: { text: string; start: number; end: number };
}) {
  let { start, end } = evidence;
  if (text.slice(start, end) !== evidence.text) {
    const at = text.indexOf(evidence.text);
    if (at === -1) return <blockquote class="evidence">{evidence.text}</blockquote>;
    start = at;
    end = at + evidence.text.length;
  }
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  return (
    <div class="document-text">
      {from > 0 ? '… ' : ''}
      {text.slice(from, start)}
      <mark class="evidence">{text.slice(start, end)}</mark>
      {text.slice(end, to)}
      {to < text.length ? ' …' : ''}
    </div>
  );
}
