import { defineMessages } from '../../platform/i18n/define.js';

export const siteMessages = defineMessages({
  nl: {
    'home.title': 'Buurtkracht: samen werken aan de buurt',
    'home.lead':
      'Buurtkracht is de plek van uw buurtnetwerk. Bewoners en professionals luisteren hier naar wat er in de buurt speelt, proberen samen kleine dingen uit en beslissen samen over het geld voor de buurt.',
    'home.ideas.title': 'Zo werken we',
    'home.ideas.residents':
      'Niets meer zonder bewoners. Bij elk plan en elk besluit praten bewoners mee.',
    'home.ideas.listen':
      'Eerst luisteren, dan pas plannen maken. Wie in de buurt woont, weet het best wat er speelt.',
    'home.ideas.experiment':
      'Klein beginnen. Een bewoner en een professional proberen samen iets uit, als duo.',
    'home.ideas.sparks': 'Vonkjes delen: we beginnen elke bijeenkomst met wat er goed ging.',
    'home.ideas.budget': 'Samen beslissen over het buurtbudget. Bewoners stemmen mee.',
    'home.ways.title': 'Waar wilt u beginnen?',
    'home.ways.resident.title': 'Ik woon in de buurt',
    'home.ways.resident.body':
      'Zie wie er in uw buurtnetwerk zit, vertel wat u opvalt en stem mee over het buurtbudget.',
    'home.ways.professional.title': 'Ik werk in de buurt',
    'home.ways.professional.body':
      'Houd signalen bij, werk samen met bewoners aan kleine experimenten en deel wat u leert.',
    'home.ways.visitor.title': 'Ik wil meer weten',
    'home.ways.visitor.body':
      'Bekijk de openbare pagina van een buurtnetwerk: wie het zijn, wat ze doen en wat het buurtbudget heeft opgeleverd.',
    'accessibility.title': 'Toegankelijkheid',
    'accessibility.intro':
      '{organisation} wil dat iedereen Buurtkracht kan gebruiken: ook met een kleine telefoon, met alleen een toetsenbord, met een schermlezer of zonder JavaScript. Deze verklaring volgt het model van de Nederlandse overheid.',
    'accessibility.statusTitle': 'Hoe toegankelijk is Buurtkracht?',
    'accessibility.status.full':
      'Buurtkracht voldoet volledig aan de eisen voor toegankelijkheid (WCAG 2.1, niveau AA, zoals de Nederlandse wet voor overheden vraagt).',
    'accessibility.status.partial':
      'Buurtkracht voldoet gedeeltelijk aan de eisen voor toegankelijkheid (WCAG 2.1, niveau AA). Hieronder staat wat nog niet goed gaat.',
    'accessibility.status.none':
      'Buurtkracht voldoet nog niet aan de eisen voor toegankelijkheid (WCAG 2.1, niveau AA). Hieronder staat wat nog niet goed gaat.',
    'accessibility.status.unknown':
      'Buurtkracht is gebouwd volgens de eisen voor toegankelijkheid (WCAG 2.1, niveau AA). {organisation} heeft nog niet laten onderzoeken of alles voldoet.',
    'accessibility.reviewedOn': 'Dit is het laatst bekeken op {date}.',
    'accessibility.testedTitle': 'Hoe testen we?',
    'accessibility.tested':
      'Bij elke wijziging test een computer elke pagina met axe-core in een echte browser, in het Nederlands en in het Engels. We testen met alleen een toetsenbord, zonder JavaScript en op een scherm van 360 pixels breed. We schrijven in eenvoudige taal (niveau B1).',
    'accessibility.issuesTitle': 'Wat werkt nog niet goed?',
    'accessibility.noIssues': 'Er zijn op dit moment geen problemen bekend.',
    'accessibility.contactTitle': 'Loopt u ergens tegenaan?',
    'accessibility.contact':
      'Laat het ons weten. Dan zoeken we samen naar een oplossing. U kunt terecht bij de coördinator van uw buurtnetwerk of bij {contact}.',
    'accessibility.contactNone':
      'Laat het ons weten. Dan zoeken we samen naar een oplossing. U kunt terecht bij de coördinator van uw buurtnetwerk.',
    'privacy.intro':
      '{organisation} gebruikt Buurtkracht voor het werk van de buurtnetwerken. We bewaren alleen wat nodig is voor dat werk. We verkopen niets en we volgen u niet. Hier leest u welke gegevens we bewaren, waarom, hoe lang, en wat uw rechten zijn.',
    'privacy.controllerTitle': 'Wie is verantwoordelijk?',
    'privacy.controller':
      '{organisation} is verantwoordelijk voor uw gegevens (verwerkingsverantwoordelijke in de AVG).',
    'privacy.contact': 'Vragen over privacy? Neem contact op met: {contact}',
    'privacy.contactNone':
      'Vragen over privacy? Neem contact op met de coördinator van uw buurtnetwerk.',
    'privacy.whatTitle': 'Welke gegevens, en waarvoor?',
    'privacy.what.account':
      'Uw naam, e-mailadres en de buurtnetwerken waarin u meedoet: zodat u kunt inloggen en samenwerken.',
    'privacy.what.work':
      'Wat u schrijft (signalen, vonkjes, bijeenkomsten, besluiten, verhalen): het werk van het buurtnetwerk. Signalen over één persoon zien alleen het duo dat ermee bezig is en de coördinator. Er staan geen namen of huisnummers in.',
    'privacy.what.vote':
      'Stemmen over het buurtbudget is geheim: we bewaren wel dát u stemde, maar niet wat u stemde.',
    'privacy.what.log': 'Een logboek van wie wat deed: om misbruik te voorkomen en op te sporen.',
    'privacy.basisTitle': 'Op welke grond?',
    'privacy.basis':
      'Wij gebruiken uw gegevens voor een taak van algemeen belang: het werk in de buurt (artikel 6, lid 1e AVG). Het logboek bewaren we omdat beveiliging dat vraagt (artikel 6, lid 1f). Uw naam op de openbare pagina van een netwerk staat er alleen als u dat zelf kiest (toestemming, artikel 6, lid 1a).',
    'privacy.retentionTitle': 'Hoe lang bewaren we het?',
    'privacy.retention.signals':
      'Signalen over één persoon worden {months, plural, one {# maand} other {# maanden}} nadat ze zijn afgesloten automatisch anoniem gemaakt.',
    'privacy.retention.accounts':
      'Een gesloten account bewaren we {months, plural, one {# maand} other {# maanden}}. Verwijdert u zelf uw account, dan gaat alles wat u herkenbaar maakt meteen weg. Wat u heeft bijgedragen blijft staan, zonder uw naam.',
    'privacy.retention.mail':
      'E-mails die we u sturen, bewaren we {days} dagen. Daarna gooien we ze weg. Is er een mailserver, dan bewaren we van een verstuurde e-mail alleen het adres en het onderwerp.',
    'privacy.rightsTitle': 'Uw rechten',
    'privacy.rights.access':
      'Inzien en meenemen: op de pagina Mijn gegevens downloadt u alles wat we over u bewaren.',
    'privacy.rights.correct':
      'Verbeteren: uw naam en e-mailadres past u aan op Mijn gegevens. Klopt er iets anders niet, vraag het de coördinator.',
    'privacy.rights.erase': 'Verwijderen: op Mijn gegevens verwijdert u uw account.',
    'privacy.rights.object':
      'Bezwaar maken of minder laten gebruiken: neem contact op met de contactpersoon hierboven.',
    'privacy.rights.complain':
      'Bent u het niet eens met hoe we met uw gegevens omgaan? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.',
    'privacy.cookiesTitle': 'Cookies',
    'legal.someone': 'De organisatie die Buurtkracht voor uw buurt gebruikt',
    'legal.address': 'Adres: {address}',
    'legal.noteTitle': 'Aanvulling van {organisation}',
    'privacy.title': 'Privacy',
    'privacy.cookies':
      'We gebruiken alleen cookies die nodig zijn: om u ingelogd te houden, om formulieren te beveiligen en om uw taalkeuze te onthouden.',
  },
  en: {
    'home.title': 'Buurtkracht: working together on the neighbourhood',
    'home.lead':
      'Buurtkracht is the home of your neighbourhood network. Residents and professionals listen here to what goes on in the neighbourhood, try out small things together and decide together about the money for the neighbourhood.',
    'home.ideas.title': 'How we work',
    'home.ideas.residents':
      'Nothing without residents. Residents have a say in every plan and every decision.',
    'home.ideas.listen':
      'Listen first, plan later. The people who live here know best what goes on.',
    'home.ideas.experiment':
      'Start small. A resident and a professional try something out together, as a duo.',
    'home.ideas.sparks': 'Share sparks: every meeting opens with what went well.',
    'home.ideas.budget': 'Decide together about the neighbourhood budget. Residents vote.',
    'home.ways.title': 'Where would you like to start?',
    'home.ways.resident.title': 'I live in the neighbourhood',
    'home.ways.resident.body':
      'See who is in your neighbourhood network, tell what you notice and vote on the neighbourhood budget.',
    'home.ways.professional.title': 'I work in the neighbourhood',
    'home.ways.professional.body':
      'Keep track of signals, work with residents on small experiments and share what you learn.',
    'home.ways.visitor.title': 'I would like to know more',
    'home.ways.visitor.body':
      'Look at the public page of a neighbourhood network: who they are, what they do and what the neighbourhood budget has achieved.',
    'accessibility.title': 'Accessibility',
    'accessibility.intro':
      '{organisation} wants everyone to be able to use Buurtkracht: also on a small phone, with only a keyboard, with a screen reader or without JavaScript. This statement follows the model of the Dutch government.',
    'accessibility.statusTitle': 'How accessible is Buurtkracht?',
    'accessibility.status.full':
      'Buurtkracht fully meets the accessibility requirements (WCAG 2.1, level AA, as Dutch law asks of public bodies).',
    'accessibility.status.partial':
      'Buurtkracht partly meets the accessibility requirements (WCAG 2.1, level AA). Below is what does not work well yet.',
    'accessibility.status.none':
      'Buurtkracht does not yet meet the accessibility requirements (WCAG 2.1, level AA). Below is what does not work well yet.',
    'accessibility.status.unknown':
      'Buurtkracht is built to the accessibility requirements (WCAG 2.1, level AA). {organisation} has not yet had it checked whether everything meets them.',
    'accessibility.reviewedOn': 'This was last checked on {date}.',
    'accessibility.testedTitle': 'How do we test?',
    'accessibility.tested':
      'With every change a computer tests every page with axe-core in a real browser, in Dutch and in English. We test with only a keyboard, without JavaScript and on a screen 360 pixels wide. We write in plain language (level B1).',
    'accessibility.issuesTitle': 'What does not work well yet?',
    'accessibility.noIssues': 'No problems are known at the moment.',
    'accessibility.contactTitle': 'Do you run into something?',
    'accessibility.contact':
      'Please tell us, and we will look for a solution together. You can go to the coordinator of your neighbourhood network or to {contact}.',
    'accessibility.contactNone':
      'Please tell us, and we will look for a solution together. You can go to the coordinator of your neighbourhood network.',
    'privacy.intro':
      '{organisation} uses Buurtkracht for the work of the neighbourhood networks. We keep only what that work needs. We sell nothing and we do not track you. Here you read which data we keep, why, for how long, and what your rights are.',
    'privacy.controllerTitle': 'Who is responsible?',
    'privacy.controller':
      '{organisation} is responsible for your data (the controller under the GDPR).',
    'privacy.contact': 'Questions about privacy? Contact: {contact}',
    'privacy.contactNone':
      'Questions about privacy? Contact the coordinator of your neighbourhood network.',
    'privacy.whatTitle': 'Which data, and what for?',
    'privacy.what.account':
      'Your name, email address and the networks you take part in: so that you can sign in and work together.',
    'privacy.what.work':
      'What you write (signals, sparks, meetings, decisions, stories): the work of the network. Signals about one person are seen only by the duo working on them and the coordinator. They contain no names or house numbers.',
    'privacy.what.vote':
      'Voting on the neighbourhood budget is secret: we keep that you voted, not what you voted.',
    'privacy.what.log': 'A log of who did what: to prevent and trace misuse.',
    'privacy.basisTitle': 'On what grounds?',
    'privacy.basis':
      "We use your data for a task in the public interest: the work in the neighbourhood (GDPR article 6(1)(e)). We keep the log because security requires it (article 6(1)(f)). Your name is on a network's public page only if you choose so yourself (consent, article 6(1)(a)).",
    'privacy.retentionTitle': 'How long do we keep it?',
    'privacy.retention.signals':
      'Signals about one person are made anonymous automatically {months, plural, one {# month} other {# months}} after they are closed.',
    'privacy.retention.accounts':
      'We keep a closed account for {months, plural, one {# month} other {# months}}. If you delete your account yourself, everything that identifies you goes at once. What you contributed stays, without your name.',
    'privacy.retention.mail':
      'We keep the emails we send you for {days} days. After that we delete them. When a mail server is set up, we keep only the address and the subject of an email once it is sent.',
    'privacy.rightsTitle': 'Your rights',
    'privacy.rights.access':
      'See and take along: on the My data page you download everything we keep about you.',
    'privacy.rights.correct':
      'Correct: you change your name and email address on My data. If something else is wrong, ask the coordinator.',
    'privacy.rights.erase': 'Erase: on My data you delete your account.',
    'privacy.rights.object': 'Object or restrict: contact the person named above.',
    'privacy.rights.complain':
      'Do you disagree with how we handle your data? You can file a complaint with the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).',
    'privacy.cookiesTitle': 'Cookies',
    'legal.someone': 'The organisation that uses Buurtkracht for your neighbourhood',
    'legal.address': 'Address: {address}',
    'legal.noteTitle': 'Added by {organisation}',
    'privacy.title': 'Privacy',
    'privacy.cookies':
      'We only use cookies that are needed: to keep you logged in, to protect forms and to remember your language.',
  },
});
