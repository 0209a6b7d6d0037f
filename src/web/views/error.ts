import { html, type SafeHtml } from '../html.ts';

export function errorPage(status: number, message: string): SafeHtml {
  const title = status === 404 ? 'Not found' : status === 400 ? 'Bad request' : status === 410 ? 'Removed' : 'Something went wrong';
  return html`<h1>${title}</h1><p>${message}</p><p><a href="/">Back to recent changes</a></p>`;
}
