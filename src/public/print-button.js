// The print button of a letter: without JavaScript the page says to use Print in the browser;
// with it, that sentence gives way to a button that opens the browser's print dialogue.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
for (const hint of document.querySelectorAll('[data-print-hint]')) hint.hidden = true;
