// The ballot's budget meter: while a resident ticks plans, it says how much of the budget
// they have chosen and warns when it is more. Only a help: the server checks every ballot,
// and the ballot works the same without this script.
const fieldset = document.querySelector('fieldset[data-budget-cents]');
const meter = document.getElementById('budget-meter');
if (fieldset && meter) {
  const budget = Number(fieldset.getAttribute('data-budget-cents'));
  const lang = document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL';
  // Whole euros without cents, as the server writes amounts (€ 2.400; € 12,50).
  const whole = new Intl.NumberFormat(lang, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 0,
  });
  const cents = new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' });
  const money = { format: (euros) => (Number.isInteger(euros) ? whole : cents).format(euros) };
  const update = () => {
    let spent = 0;
    for (const box of fieldset.querySelectorAll('input[type="checkbox"][data-cost-cents]')) {
      if (box.checked) spent += Number(box.getAttribute('data-cost-cents'));
    }
    const over = spent > budget;
    const text = meter.getAttribute(over ? 'data-over' : 'data-text') ?? '';
    meter.textContent = text
      .replace('{spent}', money.format(spent / 100))
      .replace('{budget}', money.format(budget / 100));
    meter.classList.toggle('bk-meter--over', over);
    meter.hidden = false;
  };
  fieldset.addEventListener('change', update);
  update();
}
