import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../src/extract/index.ts';
import { collectBlocks } from '../../src/extract/blocks.ts';
import { parseHtml } from '../../src/extract/dom.ts';

/** What every extractor under test returns: the headline and the body as paragraphs. */
export interface Output {
  title: string;
  paragraphs: string[];
}

export type Extractor = (html: string, url: string) => Output | Promise<Output>;

/**
 * Readability and defuddle return HTML; it is turned into paragraphs the same way for both
 * (one per block element), so that words of adjacent paragraphs are never glued together.
 */
function htmlToParagraphs(html: string): string[] {
  const doc = parseHtml(`<div>${html}</div>`);
  const root = doc.children.find((c) => 'name' in c) as Parameters<typeof collectBlocks>[0] | undefined;
  return root ? collectBlocks(root).map((b) => b.text) : [];
}

const quietConsole = () => new VirtualConsole();

export const EXTRACTORS: Record<string, { label: string; run: Extractor }> = {
  redline: {
    label: 'Redline (htmlparser2)',
    run: (html, url) => extractArticle(html, url),
  },
  'readability-jsdom': {
    label: '@mozilla/readability 0.6.0 on jsdom',
    run: (html, url) => {
      const dom = new JSDOM(html, { url, virtualConsole: quietConsole() });
      const article = new Readability(dom.window.document).parse();
      dom.window.close();
      return { title: article?.title ?? '', paragraphs: htmlToParagraphs(article?.content ?? '') };
    },
  },
  'readability-linkedom': {
    label: '@mozilla/readability 0.6.0 on linkedom',
    run: (html) => {
      const { document } = parseHTML(html);
      const article = new Readability(document as unknown as Document).parse();
      return { title: article?.title ?? '', paragraphs: htmlToParagraphs(article?.content ?? '') };
    },
  },
  'defuddle-linkedom': {
    label: 'defuddle 0.19.4 on linkedom',
    run: async (html, url) => {
      const { Defuddle } = await import('defuddle/node');
      const { document } = parseHTML(html);
      const result = await Defuddle(document as unknown as Document, url);
      return { title: result.title ?? '', paragraphs: htmlToParagraphs(result.content ?? '') };
    },
  },
};
