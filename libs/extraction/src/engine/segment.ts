/** A piece of the document with its offset in the original text. */
export interface Span {
  text: string;
  start: number;
}

export interface Clause extends Span {
  /** The clause opens a list item ("- …", "1. …"). */
  listItem: boolean;
  /** Subject carried down from the preamble that governs a list ("Declared that they:"). */
  governing: string | null;
}

const LIST_MARKER = /^\s*(?:[-–—•*▪►]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+/u;
/** Titles always precede a name, so a sentence never ends on one. */
const TITLE = /\b(?:Mr|Mrs|Ms|Dr|Prof|St|Hr|Fr|Sn|Sayın|г-н|г-жа)\.\s*$/u;
const ABBREVIATION =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nr|Art|Abs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|etc|vs|bzw|z\.B|ca|Hr|Fr|Dr|г|гг|т\.е|ул|им|проф)\.|\b\d{1,3}\.|\b[A-ZÄÖÜÇĞİŞА-Я]\.)\s*$/u;

/**
 * Split a document into clauses: lines, list items, sentences (Intl.Segmenter,
 * repaired after abbreviations and ordinals such as "8. Zirvesi" or "Dec. 31"),
 * then semicolon-separated parts. List items inherit the subject of the
 * preamble that introduces the list.
 */
export function clauses(source: string, language: string): Clause[] {
  const text = unwrap(source);
  const out: Clause[] = [];
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  let governing: string | null = null;
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (line.trim().length === 0) continue;
    const marker = LIST_MARKER.exec(line);
    const listItem = marker !== null;
    const body = marker ? line.slice(marker[0].length) : line;
    const bodyStart = lineStart + (marker ? marker[0].length : 0);
    const subject = listItem ? null : preambleSubject(line);
    if (subject) governing = subject;
    for (const sentence of sentences(body, bodyStart, segmenter)) {
      for (const part of splitKeeping(sentence, /;/g).flatMap(capLength)) {
        const trimmed = trimSpan(part);
        if (trimmed.text.length >= 8) {
          out.push({ ...trimmed, listItem, governing: listItem ? governing : null });
        }
      }
    }
  }
  return out;
}

/**
 * Join lines that a wire service or an e-mail wrapped inside a paragraph
 * ("… the customs\n    services were asked to …"): a line
 * break followed by indentation and a lower-case word, or ending a line that
 * stops mid-sentence, becomes spaces of the same length, so offsets into the
 * original text still hold. Headings, list items and blank lines stay.
 */
function unwrap(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  let out = lines[0];
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const line = lines[i];
    const indent = /^[ \t]*/.exec(line)![0].length;
    const next = line.slice(indent);
    // A lower-case continuation always joins; an indented one only after a
    // long line (a wrapped paragraph, not a heading); a list item never.
    const open = prev.length > 0 && !/[.!?:;\s]$/u.test(prev);
    const joins =
      open &&
      next.length > 0 &&
      !LIST_MARKER.test(line) &&
      (/^[\p{Ll}(]/u.test(next) || (indent >= 2 && prev.trim().length >= 40));
    out += (joins ? ' ' : '\n') + line;
  }
  return out;
}

function sentences(body: string, start: number, segmenter: Intl.Segmenter): Span[] {
  // A line with no sentence punctuation before its end is one sentence: skip ICU.
  if (!/[.!?。](?=.)/su.test(body.trimEnd())) return [{ text: body, start }];
  const merged: Span[] = [];
  for (const piece of pieces(body)) {
    for (const seg of segmenter.segment(piece.text)) {
      addSegment(merged, seg.segment, start + piece.start + seg.index);
    }
  }
  return merged;
}

/** ICU's sentence segmenter slows down more than linearly on very long strings (1.4 s for 200 KB of short sentences, 30 s for 1 MB): segment at most this many characters at a time. */
const SEGMENT_PIECE = 8000;

/** A line cut into pieces of at most SEGMENT_PIECE characters, after a sentence end where there is one. */
function pieces(body: string): Span[] {
  if (body.length <= SEGMENT_PIECE) return [{ text: body, start: 0 }];
  const out: Span[] = [];
  let from = 0;
  while (from < body.length) {
    let to = Math.min(body.length, from + SEGMENT_PIECE);
    if (to < body.length) {
      const window = body.slice(from + SEGMENT_PIECE / 2, to);
      const stop = Math.max(
        window.lastIndexOf('. '),
        window.lastIndexOf('! '),
        window.lastIndexOf('? '),
      );
      const space = window.lastIndexOf(' ');
      const cut = stop >= 0 ? stop + 2 : space >= 0 ? space + 1 : -1;
      if (cut >= 0) to = from + SEGMENT_PIECE / 2 + cut;
    }
    out.push({ text: body.slice(from, to), start: from });
    from = to;
  }
  return out;
}

/** Append an ICU sentence, or join it to the previous one when that ended on a title, an abbreviation or an ordinal. */
function addSegment(merged: Span[], segment: string, at: number): void {
  const prev = merged[merged.length - 1];
  // Only the end of the previous sentence matters; testing a short tail keeps this linear.
  const tail = prev?.text.slice(-16) ?? '';
  if (prev && TITLE.test(tail)) {
    prev.text += segment;
  } else if (prev && ABBREVIATION.test(tail) && /^\s*[\p{Ll}\d]/u.test(segment)) {
    prev.text += segment;
  } else if (prev && /\b\d{1,3}\.\s*$/.test(tail)) {
    prev.text += segment;
  } else {
    merged.push({ text: segment, start: at });
  }
}

function splitKeeping(span: Span, sep: RegExp): Span[] {
  const parts: Span[] = [];
  let last = 0;
  for (const m of span.text.matchAll(sep)) {
    const end = (m.index ?? 0) + m[0].length;
    parts.push({ text: span.text.slice(last, end), start: span.start + last });
    last = end;
  }
  if (last < span.text.length)
    parts.push({ text: span.text.slice(last), start: span.start + last });
  return parts;
}

/** Longest clause the rules see; real clauses are far shorter, and the cap keeps run time linear. */
export const MAX_CLAUSE = 1500;

/** Cut an over-long run of text (no sentence punctuation) into pieces at whitespace. */
function capLength(span: Span): Span[] {
  if (span.text.length <= MAX_CLAUSE) return [span];
  const out: Span[] = [];
  let from = 0;
  while (from < span.text.length) {
    let to = Math.min(span.text.length, from + MAX_CLAUSE);
    if (to < span.text.length) {
      const half = from + MAX_CLAUSE / 2;
      const space = span.text.slice(half, to).lastIndexOf(' ');
      if (space >= 0) to = half + space + 1;
    }
    out.push({ text: span.text.slice(from, to), start: span.start + from });
    from = to;
  }
  return out;
}

function trimSpan(s: Span): Span {
  const lead = s.text.length - s.text.trimStart().length;
  return { text: s.text.trim(), start: s.start + lead };
}

/** "The heads of state of the OTS," opening a declaration's preamble: the subject its list inherits. */
function preambleSubject(line: string): string | null {
  const m =
    /^(?:the\s+)?(heads? of (?:state|government)[^,:]*|(?:the\s+)?parties|(?:the\s+)?leaders|(?:the\s+)?presidents|(?:the\s+)?ministers)/iu.exec(
      line.trim(),
    );
  return m ? m[1] : null;
}
