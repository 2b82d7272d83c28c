// The calculator's interface strings (rekenhulp), nl and en; part of the budgeting module's.
import { defineMessages } from '../../platform/i18n/define.js';

export const calculatorMessages = defineMessages({
  nl: {
    'calc.title': 'Rekenhulp: tel een stemming na',
    'calc.intro':
      'Heeft uw gemeente of wijk ergens anders gestemd over een budget? Upload de stemmen als pabulib-bestand. Wij tellen ze met de manier van tellen die u kiest, en leggen bij elk plan uit waarom het wel of geen geld krijgt.',
    'calc.privacy':
      'Wij bewaren uw bestand niet. De uitkomst blijft een half uur te zien via de link die u krijgt, daarna is die weg.',
    'calc.round.title': 'Narekenen: {round}',
    'calc.round.step1': 'Download de stemmen van deze ronde:',
    'calc.round.download': 'stemmen van {round} (pabulib)',
    'calc.round.step2': 'Kies dat bestand hieronder, kies een manier van tellen en klik op Tellen.',
    'calc.round.back': 'Terug naar de uitslag van {round}',
    'calc.field.file': 'Pabulib-bestand',
    'calc.field.fileHint':
      'Een tekstbestand (.pb) met de delen META, PROJECTS en VOTES. Hoogstens {size}.',
    'calc.field.rule': 'Manier van tellen',
    'calc.field.ruleHint':
      'Bij elke manier staat hoe hij telt. De standaard staat bovenaan: de methode van gelijke delen met add1.',
    'calc.submit': 'Tellen',
    'calc.error.empty':
      'Het bestand {file} is leeg. Kies een pabulib-bestand met de delen META, PROJECTS en VOTES.',
    'calc.error.noFile': 'Kies een pabulib-bestand.',
    'calc.error.tooLarge': 'Het bestand is te groot. U kunt een bestand tot {size} gebruiken.',
    'calc.error.rule': 'Kies een manier van tellen uit de lijst.',
    'calc.error.line': 'Het bestand klopt niet op regel {line}: {message}.',
    'calc.error.noLine': 'Het bestand klopt niet: {message}.',
    'calc.error.tooManyProjects':
      'Dit bestand heeft {projects, plural, one {# plan} other {# plannen}}. De rekenhulp telt bestanden met hoogstens {max, plural, one {# plan} other {# plannen}}.',
    'calc.error.yours':
      'U laat al een bestand tellen. Wacht tot die telling klaar is en kies het bestand dan opnieuw.',
    'calc.error.busy':
      'Er worden nu al veel stemmingen geteld. Probeer het over een minuut opnieuw.',
    'calc.busy.title': 'Bezig met tellen',
    'calc.busy.text': 'We tellen de stemmen van {file}. Deze pagina ververst vanzelf.',
    'calc.busy.step': 'Stap {n} van {total}: {step}',
    'calc.busy.elapsed': 'Al {seconds, plural, one {# seconde} other {# seconden}} bezig.',
    'calc.busy.again': 'Kijk of de telling klaar is',
    'calc.step.read': 'het bestand lezen',
    'calc.step.count': 'tellen met {rule}',
    'calc.step.greedy': 'vergelijken met de meeste stemmen eerst',
    'calc.step.explain': 'de uitleg schrijven',
    'calc.gone.title': 'Deze telling is er niet (meer)',
    'calc.gone.text':
      'Een uitkomst blijft een half uur bewaard. Upload het bestand opnieuw om het nog eens te tellen.',
    'calc.failed.title': 'Het tellen is gestopt',
    'calc.failed.timeout': 'Het tellen van {file} duurde langer dan {limit} en is gestopt.',
    'calc.failed.memory':
      'Het tellen van {file} had meer geheugen nodig dan de rekenhulp heeft en is gestopt.',
    'calc.failed.adviceFaster':
      'Het bestand heeft veel plannen of stemmen. Kies een snellere manier van tellen, zoals meeste stemmen eerst (greedy), of tel een kleiner bestand.',
    'calc.failed.adviceSmaller':
      'Het bestand heeft veel plannen of stemmen. Tel een kleiner bestand, met minder plannen of stemmen.',
    'calc.failed.error':
      'Het tellen is mislukt door een fout in Buurtkracht. De fout is vastgelegd, zodat de beheerder hem kan laten oplossen.',
    'calc.again': 'Nog een bestand tellen',
    'calc.result.title': 'Uitkomst van de telling',
    'calc.result.file': 'Bestand: {file}',
    'calc.result.rule': 'Manier van tellen: {title} ({rule}). {description}',
    'calc.result.summary':
      '{voters, plural, one {# bewoner stemde} other {# bewoners stemden}}. Budget {budget}, daarvan gaat {used} naar plannen en blijft {left} over.',
    'calc.result.funded': 'Deze plannen krijgen geld',
    'calc.result.notFunded': 'Deze plannen krijgen geen geld',
    'calc.result.allFunded': 'Alle plannen krijgen geld.',
    'calc.result.noneFunded': 'Geen enkel plan krijgt geld.',
    'calc.result.votes': '{votes, plural, one {# stem} other {# stemmen}}',
    'calc.result.compare': 'Vergeleken met de meeste stemmen eerst',
    'calc.result.greedyIntro':
      'Bij tellen met de meeste stemmen eerst (greedy), zoals veel andere platforms doen, krijgen deze plannen geld:',
    'calc.result.greedyNone': 'geen enkel plan',
    'calc.result.coverage':
      'Stemmers met minstens één plan waarop zij stemden dat geld krijgt: {rule} bij deze telling, {greedy} bij de meeste stemmen eerst.',
  },
  en: {
    'calc.title': 'Calculator: recount a vote',
    'calc.round.title': 'Recount: {round}',
    'calc.round.step1': 'Download the votes of this round:',
    'calc.round.download': 'votes of {round} (pabulib)',
    'calc.round.step2': 'Choose that file below, choose a way of counting and click Count.',
    'calc.round.back': 'Back to the results of {round}',
    'calc.intro':
      'Did your municipality or neighbourhood vote on a budget somewhere else? Upload the votes as a pabulib file. We count them with the way of counting you choose, and explain for every plan why it is or is not funded.',
    'calc.privacy':
      'We do not keep your file. The outcome can be seen for half an hour at the link you get; after that it is gone.',
    'calc.field.file': 'Pabulib file',
    'calc.field.fileHint':
      'A text file (.pb) with the sections META, PROJECTS and VOTES. At most {size}.',
    'calc.field.rule': 'Way of counting',
    'calc.field.ruleHint':
      'Each way says how it counts. The default is at the top: the Method of Equal Shares with add1.',
    'calc.submit': 'Count',
    'calc.error.empty':
      'The file {file} is empty. Choose a pabulib file with the sections META, PROJECTS and VOTES.',
    'calc.error.noFile': 'Choose a pabulib file.',
    'calc.error.tooLarge': 'The file is too large. You can use a file of up to {size}.',
    'calc.error.rule': 'Choose a way of counting from the list.',
    'calc.error.line': 'The file is not right at line {line}: expected {message}.',
    'calc.error.noLine': 'The file is not right: expected {message}.',
    'calc.error.tooManyProjects':
      'This file has {projects, plural, one {# plan} other {# plans}}. The calculator counts files of at most {max, plural, one {# plan} other {# plans}}.',
    'calc.error.yours':
      'You are already having a file counted. Wait until that count is done, then choose the file again.',
    'calc.error.busy': 'Many votes are being counted right now. Please try again in a minute.',
    'calc.busy.title': 'Counting',
    'calc.busy.text': 'We are counting the votes of {file}. This page refreshes by itself.',
    'calc.busy.step': 'Step {n} of {total}: {step}',
    'calc.busy.elapsed': 'Counting for {seconds, plural, one {# second} other {# seconds}}.',
    'calc.busy.again': 'See whether the count is done',
    'calc.step.read': 'reading the file',
    'calc.step.count': 'counting with {rule}',
    'calc.step.greedy': 'comparing with most votes first',
    'calc.step.explain': 'writing the explanations',
    'calc.gone.title': 'This count is not (or no longer) here',
    'calc.gone.text':
      'An outcome is kept for half an hour. Upload the file again to count it once more.',
    'calc.failed.title': 'Counting stopped',
    'calc.failed.timeout': 'Counting {file} took longer than {limit} and was stopped.',
    'calc.failed.memory':
      'Counting {file} needed more memory than the calculator has and was stopped.',
    'calc.failed.adviceFaster':
      'The file has many plans or votes. Choose a faster way of counting, such as most votes first (greedy), or count a smaller file.',
    'calc.failed.adviceSmaller':
      'The file has many plans or votes. Count a smaller file, with fewer plans or votes.',
    'calc.failed.error':
      'Counting failed because of a fault in Buurtkracht. The fault has been logged, so that the administrator can have it fixed.',
    'calc.again': 'Count another file',
    'calc.result.title': 'Outcome of the count',
    'calc.result.file': 'File: {file}',
    'calc.result.rule': 'Way of counting: {title} ({rule}). {description}',
    'calc.result.summary':
      '{voters, plural, one {# resident voted} other {# residents voted}}. Budget {budget}, of which {used} goes to plans and {left} is left over.',
    'calc.result.funded': 'These plans are funded',
    'calc.result.notFunded': 'These plans are not funded',
    'calc.result.allFunded': 'All plans are funded.',
    'calc.result.noneFunded': 'No plan is funded.',
    'calc.result.votes': '{votes, plural, one {# vote} other {# votes}}',
    'calc.result.compare': 'Compared with most votes first',
    'calc.result.greedyIntro':
      'Counting with most votes first (greedy), as many other platforms do, funds these plans:',
    'calc.result.greedyNone': 'no plan',
    'calc.result.coverage':
      'Voters with at least one plan they voted for that is funded: {rule} in this count, {greedy} with most votes first.',
  },
});
