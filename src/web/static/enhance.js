// Progressive enhancement only: every page works without this file.
// Keyboard shortcuts on pages that have previous/next links: "[" and "]" (or p / n).
document.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target;
  if (target instanceof HTMLElement && target.closest('input, select, textarea, [contenteditable]')) return;
  const rel = event.key === '[' || event.key === 'p' ? 'prev' : event.key === ']' || event.key === 'n' ? 'next' : null;
  if (!rel) return;
  const link = document.querySelector(`nav a[rel="${rel}"]`);
  if (link instanceof HTMLAnchorElement) window.location.href = link.href;
});
