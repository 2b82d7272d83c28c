// After a form error, move the focus to the error summary, so keyboard and screen-reader
// users start at the list of what to fix (issue 12, item 11). Without JavaScript the summary
// is the first thing in the form and has autofocus, and the page title starts with "Fout:".
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.getElementById('error-summary');
  if (summary && document.activeElement !== summary) summary.focus();
});
