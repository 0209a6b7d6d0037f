/** Dates for readers, one fixed form everywhere (website, share cards): server-rendered, always UTC. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number): string => String(n).padStart(2, '0');

/** "26 November 2026, 13:17 UTC": unambiguous in every country. */
export function formatDate(at: number): string {
  const d = new Date(at);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/**
 * A date as found on a news page (ISO 8601 usually, in any offset) in the same form, or null
 * when it is not a date JavaScript can read; callers then show the text as found.
 */
export function formatPageDate(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim())) return null;
  const at = Date.parse(text.trim());
  return Number.isFinite(at) ? formatDate(at) : null;
}
