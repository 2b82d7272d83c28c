// The sparks round: the arrow keys follow the previous/next links (which work without this).
// The hint about the arrow keys is shown only here, since they only work with this script.
for (const hint of document.querySelectorAll('[data-needs-script]')) hint.hidden = false;
document.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const target = event.target;
  if (target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable]'))
    return;
  const link = document.querySelector(`a[data-key="${event.key}"]`);
  if (link instanceof HTMLAnchorElement) {
    event.preventDefault();
    window.location.assign(link.href);
  }
});
