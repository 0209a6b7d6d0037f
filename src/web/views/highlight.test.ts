import { describe, expect, it } from 'vitest';
import { highlight, queryTerms } from './highlight.ts';

describe('search highlighting', () => {
  it('splits queries into words and phrases', () => {
    expect(queryTerms('budget "spending row"  minister')).toEqual(['budget', 'spending row', 'minister']);
    expect(queryTerms('"unclosed')).toEqual(['unclosed']);
  });

  it.each([
    ['The Budget row', 'budget', 'The <mark>Budget</mark> row'],
    ['a bitter spending  row', '"spending row"', 'a bitter <mark>spending  row</mark>'],
    ['<b>x</b> (1+1)', '(1+1)', '&lt;b&gt;x&lt;/b&gt; <mark>(1+1)</mark>'],
    ['<script>alert(1)</script>', 'script', '&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;'],
    ['nothing here', '', 'nothing here'],
    ['She resigned in parliament', 'resigns parliam*', 'She <mark>resigned</mark> in <mark>parliament</mark>'],
    ['Ferries were cancelled; the ferry left', 'ferry', '<mark>Ferries</mark> were cancelled; the <mark>ferry</mark> left'],
    ['The story of two stories', 'stories', 'The <mark>story</mark> of two <mark>stories</mark>'],
    ['He carried it and carries it', 'carry', 'He <mark>carried</mark> it and <mark>carries</mark> it'],
    ['They say a saint said so', 'say', 'They <mark>say</mark> a saint said so'],
    ['Cities and a city', 'city', '<mark>Cities</mark> and a <mark>city</mark>'],
  ])('%s / %s', (text, q, expected) => {
    expect(highlight(text, q).toString()).toBe(expected);
  });
});
