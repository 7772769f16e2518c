import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isoDate, MEDIA, UnreadableDocumentError, type DocumentText } from './document-text';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, tr, div, section, article, br';
const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[itemprop="datePublished"]',
];

/**
 * An HTML page's article text: Mozilla's Readability (the Firefox reader
 * view) drops navigation, footers and other boilerplate; linkedom gives it a
 * DOM without a browser. A page Readability finds no article in falls back
 * to its whole body text.
 */
export function readHtml(source: string): DocumentText {
  // A fragment (a feed entry's content) needs a page around it to be parsed as one.
  const html = /<(?:html|body)[\s>]/iu.test(source)
    ? source
    : `<!doctype html><html><head></head><body>${source}</body></html>`;
  const { document } = parseHTML(html);
  const published =
    DATE_META.map((s) => document.querySelector(s)?.getAttribute('content')).find(Boolean) ??
    document.querySelector('time[datetime]')?.getAttribute('datetime');
  const pageTitle = document.querySelector('title')?.textContent?.trim() || null;
  // Readability changes the document it reads; the fallback needs the original.
  const article = new Readability(
    parseHTML(html).document as unknown as ConstructorParameters<typeof Readability>[0],
  ).parse();
  const text = article?.content
    ? blockText(article.content)
    : blockText(document.querySelector('body')?.innerHTML ?? '');
  if (!text.trim()) throw new UnreadableDocumentError('the HTML page has no readable text');
  return {
    text,
    title: article?.title?.trim() || pageTitle,
    published: isoDate(published),
    mediaType: MEDIA.html,
  };
}

/** Marks the end of a block while whitespace is collapsed (a private-use character). */
const BLOCK_END = '\uE000';

/**
 * Text as a browser would lay it out, roughly: whitespace inside a block
 * collapsed (source line breaks mean nothing in HTML), one line per block,
 * so paragraphs stay apart.
 */
function blockText(fragment: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`);
  for (const el of document.querySelectorAll('script, style, noscript')) el.remove();
  for (const el of document.querySelectorAll(BLOCKS)) el.after(document.createTextNode(BLOCK_END));
  return (document.body.textContent ?? '')
    .replace(/\s+/gu, ' ')
    .split(BLOCK_END)
    .map((line: string) => line.trim())
    .filter(Boolean)
    .join('\n');
}
