// The print button of a letter: shown only when this script runs (without JavaScript the page
// says to use Print in the browser), and it opens the browser's print dialogue.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
