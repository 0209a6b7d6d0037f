/** One known-answer edit being made on one article: the edit kinds of the diff benchmark. */
import type { BenchArticle } from './diff-corpus.ts';
import type { EditCase, EditGenerator, EditKind } from './diff-edits.ts';
import { answer, type EditStory } from './edit-answer.ts';
import { eligible, numberFixOn, rewordDraft, rewordedTitle, type RunState } from './edit-rewords.ts';
import { NUMBER, QUOTE_CHARS, SENTENCE_END, newDraft, quotedSentence, sentences, type Draft } from './edit-words.ts';

export class Run implements RunState {
  readonly drafts: Draft[];
  private title: string;
  readonly touched = new Set<Draft>();
  readonly story: EditStory = {
    removedQuote: false,
    notice: false,
    headline: false,
    numberChanged: false,
    reworded: false,
    quoteChanged: false,
  };

  constructor(
    readonly g: EditGenerator,
    private readonly article: BenchArticle,
    private readonly others: BenchArticle[],
  ) {
    this.title = article.title;
    this.drafts = article.paragraphs.map((p, k) =>
      newDraft(
        [k],
        p.split(' ').map((text, w) => ({ text, from: [k, w] as [number, number] })),
        false,
      ),
    );
  }

  apply(kind: EditKind): boolean {
    switch (kind) {
      case 'reword':
        return this.reword(this.g.int(1, 4));
      case 'number fix':
        return this.numberFix();
      case 'quote removed':
        return this.quoteRemoved();
      case 'paragraphs added':
        return this.repeat(this.g.int(1, 3), () => this.add());
      case 'paragraphs removed':
        return this.repeat(this.g.int(1, 2), () => this.remove());
      case 'move ±1..10':
        return this.move(false);
      case 'move + edit':
        return this.move(true);
      case 'split':
        return this.split();
      case 'merge':
        return this.merge();
      case 'heavy rewrite':
        return this.heavyRewrite();
      case 'paragraph replaced':
        return this.replace();
      case 'sentences reordered':
        return this.reorder();
      case 'typo':
        return this.typo();
      case 'notice added':
        return this.addNotice();
      case 'headline': {
        const title = rewordedTitle(this.g, this.title);
        if (title === null) return false;
        this.title = title;
        this.story.headline = true;
        return true;
      }
      case 'mixed':
        return this.mixed();
    }
  }

  private repeat(n: number, f: () => boolean): boolean {
    let ok = false;
    for (let k = 0; k < n; k++) ok = f() || ok;
    return ok;
  }

  private mixed(): boolean {
    const ops: (() => boolean)[] = [
      () => this.reword(this.g.int(1, 3)),
      () => this.numberFix(),
      () => this.add(),
      () => this.remove(),
      () => this.move(false),
      () => this.move(true),
      () => this.split(),
      () => this.merge(),
    ];
    let done = 0;
    const wanted = this.g.int(3, 5);
    for (let tries = 0; tries < 20 && done < wanted; tries++) if (this.g.pick(ops)()) done++;
    return done >= 2;
  }

  /** A draft nobody has edited yet, optionally with a condition. */
  private fresh(ok: (d: Draft) => boolean = () => true): Draft | null {
    const list = this.drafts.filter((d) => !this.touched.has(d) && d.origin.length === 1 && ok(d));
    return list.length ? this.g.pick(list) : null;
  }

  private reword(count: number): boolean {
    const d = this.fresh((x) => eligible(x).length >= count + 2);
    return d ? rewordDraft(this, d, count) : false;
  }

  private numberFix(): boolean {
    const d = this.fresh((x) => x.words.some((w) => NUMBER.test(w.text)));
    return d ? numberFixOn(this, d) : false;
  }

  private quoteRemoved(): boolean {
    const candidates = this.drafts.filter(
      (d) => !this.touched.has(d) && sentences(d.words.map((w) => w.text)).length >= 2 && quotedSentence(d) >= 0,
    );
    if (!candidates.length) return false;
    const d = this.g.pick(candidates);
    const spans = sentences(d.words.map((w) => w.text));
    const [from, to] = spans[quotedSentence(d)];
    d.words.splice(from, to - from);
    d.edited = true;
    this.story.reworded = true;
    this.story.quoteChanged = true;
    this.touched.add(d);
    return true;
  }

  private add(where?: number): boolean {
    const source = this.g.pick(this.others);
    const paragraph = this.g.pick(source.paragraphs);
    if (paragraph.split(' ').length < 8 || this.article.paragraphs.includes(paragraph)) return false;
    if (this.drafts.some((d) => d.words.map((w) => w.text).join(' ') === paragraph)) return false;
    const at = where ?? this.g.int(0, this.drafts.length);
    const draft = newDraft(
      [],
      paragraph.split(' ').map((text) => ({ text, from: null })),
      true,
    );
    this.drafts.splice(at, 0, draft);
    this.touched.add(draft);
    return true;
  }

  private remove(which?: Draft): boolean {
    if (this.drafts.length <= 3) return false;
    const d = which ?? this.fresh((x) => !x.words.some((w) => QUOTE_CHARS.test(w.text)));
    if (!d) return false;
    this.drafts.splice(this.drafts.indexOf(d), 1);
    return true;
  }

  private move(edit: boolean): boolean {
    const d = this.fresh((x) => !edit || eligible(x).length >= 3);
    if (!d) return false;
    const from = this.drafts.indexOf(d);
    const steps = this.g.int(1, 10) * (this.g.chance(0.5) ? 1 : -1);
    const to = Math.max(0, Math.min(this.drafts.length - 1, from + steps));
    if (to === from) return false;
    if (edit) {
      const number = this.g.chance(0.3) && d.words.some((w) => NUMBER.test(w.text));
      if (!(number ? numberFixOn(this, d) : rewordDraft(this, d, this.g.int(1, 3)))) return false;
    }
    this.drafts.splice(from, 1);
    this.drafts.splice(to, 0, d);
    this.touched.add(d);
    return true;
  }

  private split(): boolean {
    const d = this.fresh((x) => sentences(x.words.map((w) => w.text)).length >= 2);
    if (!d) return false;
    const spans = sentences(d.words.map((w) => w.text));
    const cut = spans[this.g.int(1, spans.length - 1)][0];
    const second: Draft = { ...d, words: d.words.slice(cut) };
    d.words = d.words.slice(0, cut);
    this.drafts.splice(this.drafts.indexOf(d) + 1, 0, second);
    this.touched.add(d);
    this.touched.add(second);
    return true;
  }

  private merge(): boolean {
    const k = this.drafts.findIndex(
      (d, i) =>
        i + 1 < this.drafts.length &&
        !this.touched.has(d) &&
        !this.touched.has(this.drafts[i + 1]) &&
        d.origin.length === 1 &&
        this.drafts[i + 1].origin.length === 1 &&
        this.drafts[i + 1].origin[0] === d.origin[0] + 1 &&
        this.g.chance(0.3),
    );
    if (k < 0) return false;
    const [a, b] = [this.drafts[k], this.drafts[k + 1]];
    if (!SENTENCE_END.test(a.words[a.words.length - 1].text)) return false;
    const merged = newDraft([a.origin[0], b.origin[0]], [...a.words, ...b.words], false);
    this.drafts.splice(k, 2, merged);
    this.touched.add(merged);
    return true;
  }

  /** One paragraph swapped for an unrelated one (from another article) at the same place: removed + added, not an edit. */
  private replace(): boolean {
    const d = this.fresh((x) => x.words.length >= 8 && !x.words.some((w) => QUOTE_CHARS.test(w.text)));
    if (!d) return false;
    const at = this.drafts.indexOf(d);
    if (!this.remove(d)) return false;
    return this.add(at);
  }

  private heavyRewrite(): boolean {
    const d = this.fresh((x) => x.words.length >= 8 && eligible(x).length >= 0.6 * x.words.length);
    if (!d) return false;
    const share = 0.5 + 0.3 * this.g.rand();
    rewordDraft(this, d, Math.ceil(share * d.words.length));
    d.heavy = true;
    return true;
  }

  private reorder(): boolean {
    const d = this.fresh((x) => sentences(x.words.map((w) => w.text)).length >= 2 && !x.words.some((w) => QUOTE_CHARS.test(w.text)));
    if (!d) return false;
    const spans = sentences(d.words.map((w) => w.text));
    const k = this.g.int(0, spans.length - 2);
    const [a, b] = [spans[k], spans[k + 1]];
    d.words = [...d.words.slice(0, a[0]), ...d.words.slice(b[0], b[1]), ...d.words.slice(a[0], a[1]), ...d.words.slice(b[1])];
    if (eligible(d).length) rewordDraft(this, d, 1);
    d.edited = true;
    d.fuzzy = true;
    this.story.reworded = true;
    this.touched.add(d);
    return true;
  }

  private typo(): boolean {
    const d = this.fresh((x) => x.words.some((w) => /^\p{Ll}{6,}$/u.test(w.text)));
    if (!d) return false;
    const spots = d.words.map((_, k) => k).filter((k) => /^\p{Ll}{6,}$/u.test(d.words[k].text));
    const k = this.g.pick(spots);
    const w = [...d.words[k].text];
    const p = this.g.int(1, w.length - 3);
    if (w[p] === w[p + 1]) return false;
    [w[p], w[p + 1]] = [w[p + 1], w[p]];
    d.words[k] = { text: w.join(''), from: null };
    d.typo = true;
    this.touched.add(d);
    return true;
  }

  private addNotice(): boolean {
    const notices = [
      'Correction: An earlier version of this article misstated the name of the organisation.',
      'Update: This story has been updated with a statement from the company.',
      'This article was amended on 14 March to correct the date of the meeting.',
      'Clarification: A previous version of this story did not make clear who made the decision.',
      "Editor's note: This article has been updated to include new figures.",
      'Korrektur: In einer früheren Version dieses Artikels hieß es fälschlich, die Sitzung sei abgesagt.',
      'Rectificatif : une précédente version de cet article indiquait un mauvais chiffre.',
      'Corrección: Una versión anterior de este artículo atribuía la cita a otra persona.',
    ];
    const text = this.g.pick(notices);
    const at = this.g.chance(0.5) ? this.drafts.length : this.g.int(1, this.drafts.length);
    const draft = newDraft(
      [],
      text.split(' ').map((t) => ({ text: t, from: null })),
      true,
    );
    this.drafts.splice(at, 0, draft);
    this.touched.add(draft);
    this.story.notice = true;
    return true;
  }

  finish(kind: EditKind): EditCase | null {
    return answer(kind, this.article, this.title, this.drafts, this.story);
  }
}
