import type { ChangeContext } from './change.ts';
import { changeHtml, changeText, esc } from './mail-html.ts';

/** A composed mail, ready for SMTP. */
export interface Mail {
  subject: string;
  text: string;
  html: string;
  /** List-Unsubscribe and friends. */
  headers: Record<string, string>;
}

export interface MailLinks {
  confirm: string;
  unsubscribe: string;
}

export function mailLinks(baseUrl: string, token: string): MailLinks {
  const base = baseUrl.replace(/\/+$/, '');
  const t = encodeURIComponent(token);
  return { confirm: `${base}/follow/confirm?token=${t}`, unsubscribe: `${base}/follow/unsubscribe?token=${t}` };
}

/** RFC 2369 + RFC 8058: mail clients show an unsubscribe button that POSTs to the link, no page needed. */
function unsubscribeHeaders(links: MailLinks): Record<string, string> {
  return { 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

function wrap(body: string, links: MailLinks, reason: string): string {
  return `<!doctype html><html><body style="font-family:Georgia,serif;font-size:16px;line-height:1.45;color:#202124;max-width:640px">
${body}
<hr style="border:0;border-top:1px solid #dadce0;margin:24px 0 8px">
<p style="font-size:13px;color:#5f6368">${esc(reason)} <a href="${esc(links.unsubscribe)}">Unsubscribe</a></p>
</body></html>`;
}

export function confirmationMail(watch: string, links: MailLinks): Mail {
  const reason = 'Someone (hopefully you) asked Redline to send this address news edits. Nothing more will be sent unless you confirm.';
  return {
    subject: `Confirm: follow ${watch}`,
    text: `Please confirm that you want to receive ${watch} by email:\n\n${links.confirm}\n\n${reason}\nIf it was not you, ignore this mail, or unsubscribe: ${links.unsubscribe}\n`,
    html: wrap(
      `<p>Please confirm that you want to receive ${esc(watch)} by email.</p>
<p><a href="${esc(links.confirm)}" style="display:inline-block;padding:8px 16px;background:#1a73e8;color:#fff;text-decoration:none;border-radius:4px">Confirm</a></p>`,
      links,
      reason,
    ),
    headers: unsubscribeHeaders(links),
  };
}

/** One change, or a digest of several (oldest first). */
export function changeMail(watch: string, changes: ChangeContext[], links: MailLinks): Mail {
  const reason = `You get this because you follow ${watch}.`;
  const subject =
    changes.length === 1
      ? `Changed: ${changes[0].to.title}`
      : `${changes.length} changes: ${changes
          .map((c) => c.to.title)
          .slice(0, 2)
          .join('; ')}${changes.length > 2 ? '; …' : ''}`;
  const intro = changes.length === 1 ? '' : `<p>${changes.length} changes since the last digest:</p>`;
  return {
    subject: subject.length > 200 ? `${subject.slice(0, 199)}…` : subject,
    text: [...changes.map(changeText), '', `--\n${reason}\nUnsubscribe: ${links.unsubscribe}`].join('\n\n'),
    html: wrap(intro + changes.map(changeHtml).join('\n'), links, reason),
    headers: unsubscribeHeaders(links),
  };
}
