import { describe, expect, it } from 'vitest';
import { pageLinks } from './page-links.ts';

describe('pageLinks', () => {
  const page = `<html><head><base href="https://www.example.com/news/"></head><body>
<nav><a href="/">Home</a> <a href="/news/world/">World</a></nav>
<a href="2024/03/05/storm-hits-coast-123"><img src="x.jpg"></a>
<h2><a href="2024/03/05/storm-hits-coast-123?utm_source=home#comments">Storm hits coast</a></h2>
<a href="https://www.example.com/news/2024/03/04/budget-passes-122">Budget &amp; tax: what passes</a>
<a href="https://ads.example.net/news/2024/03/04/buy-now-1">An ad</a>
<a href="mailto:tips@example.com">Tips</a><a>no href</a>
</body></html>`;

  it('keeps matching links once, canonical, titled by their longest anchor text', () => {
    expect(pageLinks(page, 'https://www.example.com/', /^https:\/\/www\.example\.com\/news\/\d{4}\/\d\d\/\d\d\//)).toEqual([
      { url: 'https://www.example.com/news/2024/03/05/storm-hits-coast-123', title: 'Storm hits coast', publishedAt: null },
      { url: 'https://www.example.com/news/2024/03/04/budget-passes-122', title: 'Budget & tax: what passes', publishedAt: null },
    ]);
  });

  it('a pattern that matches nothing gives nothing', () => {
    expect(pageLinks(page, 'https://www.example.com/', /\/sport\//)).toEqual([]);
  });
});
