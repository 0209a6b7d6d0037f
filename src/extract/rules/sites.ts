import type { SiteRule } from './types.ts';

/**
 * Rules for the default sources (config/default.json). They name each site's body container and
 * the furniture that lives inside it (inline "read more" cards, ad slots, image blocks), which
 * generic extraction can only guess at. Each mirrors the site's markup as of 2025-26; when a
 * selector stops matching, extraction falls back to the generic path.
 */
export const SITE_RULES: SiteRule[] = [
  {
    site: /(^|\.)bbc\.(co\.uk|com)$/,
    version: 1,
    title: '#main-heading, article h1',
    body: 'article [data-component="text-block"], article [data-component="subheadline-block"], article [data-component="unordered-list-block"]',
    drop: [
      '[data-component="image-block"]',
      '[data-component="links-block"]',
      '[data-component="byline-block"]',
      '[data-component="tag-list"]',
    ],
  },
  {
    site: /(^|\.)theguardian\.com$/,
    version: 1,
    title: '[data-gu-name="headline"] h1',
    body: '#maincontent .article-body-commercial-selector, [data-gu-name="body"] .article-body-commercial-selector',
    drop: ['gu-island', '[data-spacefinder-role="richLink"]', '.ad-slot-container', '.submeta', 'figure'],
  },
  {
    site: /(^|\.)nytimes\.com$/,
    version: 1,
    title: 'h1[data-testid="headline"]',
    body: 'section[name="articleBody"]',
    drop: [
      '[id^="story-ad"]',
      '[data-testid="photoviewer-wrapper"]',
      '[data-testid="inline-interactive"]',
      '.bottom-of-article',
      '[data-testid="brand-bar"]',
    ],
  },
  {
    site: /(^|\.)aljazeera\.com$/,
    version: 1,
    title: 'header.article-header h1, main h1',
    body: '.wysiwyg--all-content',
    drop: ['.more-on', '.article-info-block', '.container--ads', '[class*="ad-container"]'],
  },
  {
    site: /(^|\.)npr\.org$/,
    version: 2,
    title: '.storytitle h1',
    // A broadcast story's transcript follows #storytext in a container of its own.
    body: '#storytext, #storytext ~ [aria-label="Transcript"]',
    drop: ['.bucketwrap', '.enlarge_html', '.credit-caption', '#res', '.hide-caption'],
  },
  {
    site: /(^|\.)reuters\.com$/,
    version: 1,
    title: 'h1[data-testid="Heading"]',
    body: '[data-testid^="paragraph-"], [data-testid="ArticleBody"] h2',
    drop: ['[data-testid="ResponsiveAdSlot"]', '[data-testid="Toast"]'],
  },
  {
    site: /(^|\.)washingtonpost\.com$/,
    version: 1,
    title: 'h1[data-qa="headline"]',
    body: '.article-body',
    drop: ['[data-qa="article-body-ad"]', '[data-qa="subscribe-promo"]', '.hide-for-print', '[data-qa="interstitial-link"]'],
  },
  {
    site: /(^|\.)dw\.com$/,
    version: 1,
    title: 'h1',
    body: '.rich-text, .longText',
    drop: ['.advertisement', '.vjs-wrapper', '[data-tracking-name="sharing-icons-inline"]', '.external-links'],
  },
  {
    site: /(^|\.)france24\.com$/,
    version: 1,
    title: 'h1.t-content__title',
    body: '.t-content__body',
    drop: ['.m-interstitial', '.o-self-promo', '.m-em-image', '.o-ad-container', '.m-em-read-also'],
  },
  {
    site: /(^|\.)cbc\.ca$/,
    version: 1,
    title: 'h1.detailHeadline',
    body: '.story',
    drop: ['.similarAuthorStoriesPlaceholder', '.related-links', '.embedded-media', '.ad-risingstar-container', '.sclt-inlineStory'],
  },
  {
    site: /(^|\.)independent\.co\.uk$/,
    version: 1,
    title: 'h1',
    body: '#main',
    drop: ['.inline-readmore', '[data-mpu]', '.newsletter-inline', '[data-testid="related-article"]'],
  },
  {
    site: /(^|\.)news\.sky\.com$/,
    version: 1,
    title: '.sdc-article-header__title, h1',
    body: '.sdc-article-body',
    drop: ['.sdc-article-related-stories', '.sdc-article-widget', '.sdc-site-video', '.sdc-article-image', '.sdc-site-outbrain'],
  },
];
