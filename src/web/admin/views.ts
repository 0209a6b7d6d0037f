import type { AdminToken, ArticleWithSource, AuditEntry, HiddenItem, Millis, Page, SourceWithStats, Version } from '../../model/index.ts';
import type { SourceAlert } from '../../tracker/quiet.ts';
import { assetUrl } from '../assets.ts';
import { formatDate } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';
import { externalLink, nextPageLink } from '../views/components.ts';
import { articlePath } from '../views/paths.ts';

/** The admin pages' own frame: no public navigation, never indexed. */
export function adminLayout(title: string, body: SafeHtml, admin: AdminToken | null, csrf: string | null): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title} · Redline admin</title>
<link rel="stylesheet" href="${assetUrl('style.css')}">
</head>
<body class="admin">
<header class="site">
<a class="brand" href="/admin">Redline admin</a>
<nav aria-label="Admin">
<a href="/admin">Overview</a>
<a href="/admin/audit">Audit log</a>
<a href="/">Public site</a>
</nav>
${admin && csrf ? html`<form class="logout" method="post" action="/admin/logout"><input type="hidden" name="csrf" value="${csrf}"><span class="muted">${admin.name}</span> <button type="submit">Log out</button></form>` : ''}
</header>
<main id="main">
${body}
</main>
</body>
</html>
`.toString();
}

export function loginPage(csrf: string, message: string | null): SafeHtml {
  return html`<h1>Admin login</h1>
${message ? html`<p class="notice">${message}</p>` : ''}
<form class="login" method="post" action="/admin/login">
<input type="hidden" name="csrf" value="${csrf}">
<label>Admin token <input type="password" name="token" autocomplete="off" required></label>
<button type="submit">Log in</button>
</form>
<p class="muted">Make a token with <code>redline admin token create NAME</code>.</p>`;
}

/** One POST form for an action; every form carries the session's CSRF token. */
export function actionForm(
  csrf: string,
  fields: Record<string, string | number>,
  label: string,
  opts: { reason?: 'required' | 'optional'; back: string },
): SafeHtml {
  const hidden = Object.entries(fields).map(([k, v]) => html`<input type="hidden" name="${k}" value="${String(v)}">`);
  const reason = opts.reason
    ? html`<input type="text" name="reason" placeholder="Reason${opts.reason === 'optional' ? ' (optional)' : ''}" aria-label="Reason"${opts.reason === 'required' ? ' required' : ''}>`
    : '';
  return html`<form class="admin-action" method="post" action="/admin/actions">
<input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="back" value="${opts.back}">${hidden}
${reason}<button type="submit">${label}</button>
</form>`;
}

function hiddenRow(h: HiddenItem, csrf: string): SafeHtml {
  const what = h.versionNumber === null ? 'article' : `version ${h.versionNumber}`;
  const unhide =
    h.versionNumber === null
      ? actionForm(csrf, { action: 'unhide-article', articleId: h.articleId }, 'Unhide', { reason: 'optional', back: '/admin' })
      : actionForm(csrf, { action: 'unhide-version', articleId: h.articleId, version: h.versionNumber }, 'Unhide', {
          reason: 'optional',
          back: '/admin',
        });
  return html`<tr><td><a href="/admin/articles/${h.articleId}">${h.title ?? h.url}</a><br><span class="muted">${h.sourceKey} · ${what}</span></td>
<td>${formatDate(h.hiddenAt)}</td><td>${h.reason ?? ''}</td><td>${unhide}</td></tr>`;
}

function sourceRow(s: SourceWithStats, alert: SourceAlert | undefined, csrf: string): SafeHtml {
  const paused = s.pausedAt !== null;
  const form = s.feedUrl
    ? actionForm(csrf, { action: paused ? 'resume-source' : 'pause-source', source: s.key }, paused ? 'Resume' : 'Pause', {
        reason: 'optional',
        back: '/admin',
      })
    : html`<span class="muted">manual</span>`;
  return html`<tr><td><strong>${s.name}</strong><br><span class="muted">${s.key}</span></td>
<td>${paused ? html`paused since ${formatDate(s.pausedAt!)}` : (s.lastStatus ?? 'not polled yet')}${alert ? html`<div class="error-text">${alert.kind}: ${alert.message}</div>` : ''}</td>
<td class="num">${s.articleCount}</td><td>${form}</td></tr>`;
}

export interface OverviewData {
  hidden: HiddenItem[];
  sources: SourceWithStats[];
  alerts: SourceAlert[];
  audit: AuditEntry[];
}

export function overviewPage(d: OverviewData, csrf: string): SafeHtml {
  const alertOf = new Map(d.alerts.map((a) => [a.source, a]));
  return html`<h1>Moderation</h1>
<form class="filter" method="get" action="/admin/articles"><label>Article id <input type="number" name="id" min="1" required></label><button type="submit">Open</button></form>
<h2>Hidden (${d.hidden.length})</h2>
${d.hidden.length ? html`<div class="table-scroll"><table><thead><tr><th>What</th><th>Hidden</th><th>Reason</th><th></th></tr></thead><tbody>${d.hidden.map((h) => hiddenRow(h, csrf))}</tbody></table></div>` : html`<p class="empty">Nothing is hidden.</p>`}
<h2>Sources</h2>
<div class="table-scroll"><table><thead><tr><th>Source</th><th>State</th><th>Articles</th><th></th></tr></thead><tbody>${d.sources.map((s) => sourceRow(s, alertOf.get(s.key), csrf))}</tbody></table></div>
<h2>Latest admin actions</h2>
${auditTable(d.audit)}
<p><a href="/admin/audit">Whole audit log</a></p>`;
}

export function auditTable(entries: AuditEntry[]): SafeHtml {
  if (!entries.length) return html`<p class="empty">No admin action yet.</p>`;
  return html`<div class="table-scroll"><table class="audit"><thead><tr><th>When</th><th>Who</th><th>What</th><th>Target</th><th>Why</th></tr></thead>
<tbody>${entries.map((e) => html`<tr><td>${formatDate(e.at)}</td><td>${e.actor}</td><td>${e.action}</td><td>${e.target}</td><td>${e.reason ?? ''}</td></tr>`)}</tbody></table></div>`;
}

export function auditPage(page: Page<AuditEntry>): SafeHtml {
  return html`<h1>Audit log</h1>${auditTable(page.items)}${nextPageLink('/admin/audit', {}, page.nextCursor, 'Older')}`;
}

export function articleAdminPage(a: ArticleWithSource, versions: Version[], csrf: string, now: Millis): SafeHtml {
  const back = `/admin/articles/${a.id}`;
  const hidden = a.hiddenAt !== null;
  const rows = versions.map(
    (v) => html`<tr><td class="num">${v.number}</td><td>${formatDate(v.capturedAt)}</td><td>${v.title}</td>
<td>${v.hiddenAt !== null ? 'hidden' : ''}</td>
<td>${
      v.hiddenAt !== null
        ? actionForm(csrf, { action: 'unhide-version', articleId: a.id, version: v.number }, 'Unhide version', { reason: 'optional', back })
        : actionForm(csrf, { action: 'hide-version', articleId: a.id, version: v.number }, 'Hide version', { reason: 'required', back })
    }</td></tr>`,
  );
  return html`<h1>${a.title ?? a.url}</h1>
<p>Article ${a.id} from <strong>${a.sourceKey}</strong> · ${externalLink(a.url)} · status ${a.status}${hidden ? html` · <strong>hidden since ${formatDate(a.hiddenAt!)}</strong>` : html` · <a href="${articlePath(a.id)}">public page</a>`}</p>
<div class="admin-actions">
${
  hidden
    ? actionForm(csrf, { action: 'unhide-article', articleId: a.id }, 'Unhide article', { reason: 'optional', back })
    : actionForm(csrf, { action: 'hide-article', articleId: a.id }, 'Hide article', { reason: 'required', back })
}
${
  a.status === 'retired'
    ? actionForm(csrf, { action: 'revive-article', articleId: a.id }, 'Revive (check again)', { reason: 'optional', back })
    : actionForm(csrf, { action: 'retire-article', articleId: a.id }, 'Retire (stop checking)', { reason: 'optional', back })
}
</div>
<h2>Versions</h2>
<div class="table-scroll"><table><thead><tr><th>#</th><th>Captured</th><th>Headline</th><th></th><th></th></tr></thead><tbody>${rows}</tbody></table></div>
<p class="muted">Shown ${formatDate(now)}.</p>`;
}
