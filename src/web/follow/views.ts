import { html, type SafeHtml } from '../html.ts';

export interface FollowTarget {
  article?: { id: number; title: string };
  source?: { key: string; name: string };
}

function describe(t: FollowTarget): string {
  if (t.article) return `changes to “${t.article.title}”`;
  if (t.source) return `changes in ${t.source.name}`;
  return 'changes';
}

/** The small follow-by-email form for article and source pages (plain HTML, no script). */
export function followBox(target: FollowTarget, token: string): SafeHtml {
  return html`<section class="follow" aria-labelledby="follow-title">
<h2 id="follow-title">Follow by email</h2>
<form method="post" action="/follow">
<input type="hidden" name="form" value="${token}">
${target.article ? html`<input type="hidden" name="article" value="${target.article.id}">` : ''}
${target.source ? html`<input type="hidden" name="source" value="${target.source.key}">` : ''}
<label>Email me ${describe(target)}: <input type="email" name="email" required maxlength="254" autocomplete="email"></label>
<label>How often: <select name="digest"><option value="none">each change</option><option value="hourly">hourly digest</option><option value="daily">daily digest</option></select></label>
<button type="submit">Follow</button>
<p class="muted">We send one confirmation mail first, and nothing else until you confirm. Every mail has an unsubscribe link.</p>
</form>
</section>`;
}

export function messagePage(heading: string, text: string): SafeHtml {
  return html`<h1>${heading}</h1><p>${text}</p>`;
}

/** A confirmation or unsubscribe link opens this page; only its button (a POST) acts, so link scanners change nothing. */
export function actionPage(heading: string, text: string, action: string, token: string, button: string): SafeHtml {
  return html`<h1>${heading}</h1><p>${text}</p>
<form method="post" action="${action}"><input type="hidden" name="token" value="${token}"><button type="submit">${button}</button></form>`;
}
