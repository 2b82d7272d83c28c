// Small helps for forms, on every page (one file, so a phone fetches it once).

// After a form error, move the focus to the error summary, so keyboard and screen-reader
// users start at the list of what to fix (issue 12, item 11). Without JavaScript the summary
// is the first thing in the form and has autofocus, and the page title starts with "Fout:".
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.getElementById('error-summary');
  if (summary && document.activeElement !== summary) summary.focus();
});

// A radio group whose last options are folded under a <details> (forms.tsx, RadioGroup's
// `more`): once opened, Tab from its summary goes into the folded options (to the chosen
// one if it is among them, else the first). Browsers treat a radio group as one tab stop,
// the checked option, which sits above the summary, so Tab would otherwise jump past the
// options just shown; arrow keys still move through the whole group. Without JavaScript
// the options are reached with the arrow keys.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey)
    return;
  const summary = event.target;
  if (!(summary instanceof HTMLElement) || summary.tagName !== 'SUMMARY') return;
  const details = summary.parentElement;
  if (!details?.classList.contains('bk-more-options') || !details.hasAttribute('open')) return;
  const folded = details.querySelectorAll('input[type="radio"]');
  const target = [...folded].find((radio) => radio.checked) ?? folded[0];
  if (!target) return;
  event.preventDefault();
  target.focus();
});
