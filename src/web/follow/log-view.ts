import type { Delivery, Millis } from '../../model/index.ts';
import type { Store } from '../../store/store.ts';
import { html, type SafeHtml } from '../html.ts';
import { timeAgo } from '../views/components.ts';

const SHOWN = 30;

/**
 * Where a delivery went, for a public page: the account name of a webhook or social account, but
 * never an email address (subscribers' addresses are theirs) nor a URL.
 */
function destination(d: Delivery): string {
  return d.channel === 'email' ? 'email' : `${d.channel}:${d.address}`;
}

function row(d: Delivery, now: Millis): SafeHtml {
  const what =
    d.kind === 'confirm'
      ? html`confirmation`
      : html`<a href="/articles/${d.articleId}/diff/${(d.versionNumber ?? 2) - 1}/${d.versionNumber}">article ${d.articleId}, version ${d.versionNumber}</a>`;
  const when = d.sentAt !== null ? timeAgo(d.sentAt, now) : d.status === 'pending' ? html`next try ${timeAgo(d.nextAttemptAt, now)}` : '';
  return html`<tr><td>${destination(d)}</td><td>${what}</td><td><span class="status status-${d.status}">${d.status}</span> ${when}${d.redelivery ? ' (redelivered)' : ''}</td>
<td class="num">${d.attempts}</td><td>${d.lastError ? html`<span class="error-text">${d.lastError}</span>` : ''}</td></tr>`;
}

/** The delivery log on the Sources page: recent notifications with attempts, status and last error. */
export async function deliveryLog(store: Store, now: Millis): Promise<SafeHtml> {
  const [recent, failed] = await Promise.all([
    store.listDeliveries({ limit: SHOWN }),
    store.listDeliveries({ status: 'failed', limit: SHOWN }),
  ]);
  if (recent.items.length === 0) return html``;
  return html`<section class="deliveries" aria-labelledby="deliveries-title">
<h2 id="deliveries-title">Notifications</h2>
<p class="muted">${recent.items.length === 1 ? 'The latest delivery' : `The latest ${recent.items.length} deliveries`} to followers${failed.items.length ? html`; ${failed.items.length}${failed.nextCursor ? '+' : ''} failed for good` : ''}.</p>
<div class="table-scroll"><table class="deliveries">
<thead><tr><th>To</th><th>Change</th><th>Status</th><th>Attempts</th><th>Last error</th></tr></thead>
<tbody>${recent.items.map((d) => row(d, now))}</tbody>
</table></div>
</section>`;
}
