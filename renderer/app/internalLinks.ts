// A link to one of the app's screens (#/…) clicked with ctrl, ⌘ or shift, or with the middle
// button, would ask for a new window: the app has one window, so it opens here instead.
function internalHref(event: MouseEvent): string | undefined {
  const anchor = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
  return anchor?.getAttribute('href') ?? undefined;
}

export function keepInternalLinksInWindow(): void {
  document.addEventListener('click', (event) => {
    const href = internalHref(event);
    if (!href || !(event.ctrlKey || event.metaKey || event.shiftKey)) return;
    event.preventDefault();
    window.location.hash = href;
  });
  document.addEventListener('auxclick', (event) => {
    const href = internalHref(event);
    if (!href || event.button !== 1) return;
    event.preventDefault();
    window.location.hash = href;
  });
}
