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
    'accessibility.body1':
      'Iedereen moet Buurtkracht kunnen gebruiken: ook met een kleine telefoon, met alleen een toetsenbord, met een schermlezer of zonder JavaScript.',
    'accessibility.body2':
      'We bouwen volgens de eisen van WCAG 2.1 op niveau AA. Daar moeten Nederlandse overheden aan voldoen. Elke pagina wordt automatisch getest. We schrijven in eenvoudige taal (niveau B1).',
    'accessibility.body3':
      'Loopt u toch ergens tegenaan? Laat het de coördinator van uw buurtnetwerk weten. Dan lossen we het op.',
    'privacy.title': 'Privacy',
    'privacy.body1':
      'Buurtkracht bewaart alleen wat nodig is voor het werk van uw buurtnetwerk. We verkopen niets en we volgen u niet.',
    'privacy.body2':
      'Signalen over één persoon zien alleen het duo dat ermee bezig is en de coördinator. Er staan geen namen of huisnummers in. Na een tijd worden ze automatisch anoniem gemaakt.',
    'privacy.body3':
      'U kunt altijd alles downloaden wat we over u bewaren, en u kunt uw account laten verwijderen. Wat u heeft bijgedragen blijft staan, maar dan zonder uw naam.',
    'privacy.body4':
      'Stemmen over het buurtbudget is geheim: we bewaren niet wie wat heeft gestemd.',
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
    'accessibility.body1':
      'Everyone must be able to use Buurtkracht: on a small phone, with only a keyboard, with a screen reader or without JavaScript.',
    'accessibility.body2':
      'We build to WCAG 2.1 level AA, the standard Dutch public bodies must meet. Every page is tested automatically. We write in plain language.',
    'accessibility.body3':
      'Do you still run into a problem? Let the coordinator of your neighbourhood network know, and we will fix it.',
    'privacy.title': 'Privacy',
    'privacy.body1':
      'Buurtkracht keeps only what your neighbourhood network needs for its work. We sell nothing and we do not track you.',
    'privacy.body2':
      'Signals about one person are seen only by the duo working on them and the coordinator. They hold no names or house numbers, and after a while they are made anonymous automatically.',
    'privacy.body3':
      'You can always download everything we keep about you, and you can have your account erased. What you contributed stays, but without your name.',
    'privacy.body4':
      'Voting on the neighbourhood budget is secret: we do not keep who voted for what.',
    'privacy.cookies':
      'We only use cookies that are needed: to keep you logged in, to protect forms and to remember your language.',
  },
});
