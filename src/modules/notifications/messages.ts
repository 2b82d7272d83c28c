import { defineMessages } from '../../platform/i18n/define.js';

export const notificationsMessages = defineMessages({
  nl: {
    'notifications.nav': 'Meldingen',
    'notifications.navUnread': 'Meldingen ({count, plural, one {# nieuw} other {# nieuw}})',
    'notifications.kind.signal': 'Signalen die ik volg: nieuwe stap of nieuw bericht',
    'notifications.kind.duo': 'Ik ben toegevoegd aan een duo',
    'notifications.kind.moderation': 'Er wacht iets in een lijst die ik beoordeel',
    'notifications.kind.meeting':
      'Een bijeenkomst waar ik kom: morgen, verzet, afgelast of gaat toch door',
    'notifications.kind.invitation': 'Iemand heeft mijn uitnodiging aangenomen',
    'notifications.kind.budget': 'Mijn plan voor het wijkbudget: beoordeeld of uitslag bekend',
    'notifications.choice.immediate': 'Meteen een e-mail',
    'notifications.choice.daily': 'Eén e-mail per dag met alles bij elkaar',
    'notifications.choice.off': 'Geen e-mail',
    'notifications.event.signal.status':
      'Het signaal "{title}" heeft een nieuwe stap: {statusKey}.',
    'notifications.event.signal.update': 'Er is een nieuw bericht bij het signaal "{title}".',
    'notifications.event.duo.added': 'U bent toegevoegd aan het duo van het signaal "{title}".',
    'notifications.event.moderation.waiting':
      'Iemand meldt een bericht in {network} ({whatKey}). Het wacht op uw beoordeling.',
    'notifications.event.meeting.tomorrow': 'Morgen is de bijeenkomst "{title}", om {at}.',
    'notifications.event.meeting.moved': 'De bijeenkomst "{title}" is verzet naar {at}.',
    'notifications.event.meeting.cancelled': 'De bijeenkomst "{title}" van {at} gaat niet door.',
    'notifications.event.meeting.reopened':
      'De bijeenkomst "{title}" van {at} gaat toch door. Uw aanmelding blijft staan.',
    'notifications.event.invitation.accepted':
      '{name} heeft uw uitnodiging voor {network} aangenomen.',
    'notifications.event.budget.accepted':
      'Uw plan "{title}" is goedgekeurd. Het komt op het stembiljet van "{round}".',
    'notifications.event.budget.rejected':
      'Uw plan "{title}" is niet goedgekeurd. Dit is de reden: {reason}',
    'notifications.event.budget.cost':
      'De kosten van uw plan "{title}" zijn aangepast: van {oldCents} naar {newCents}. Dit is de reden: {reason}',
    'notifications.event.budget.funded':
      'De uitslag van "{round}" is bekend: uw plan "{title}" krijgt geld. {explanation}',
    'notifications.event.budget.notFunded':
      'De uitslag van "{round}" is bekend: uw plan "{title}" krijgt geen geld. {explanation}',
    'notifications.mail.greeting': 'Hallo,',
    'notifications.mail.look': 'Bekijk het hier: {url}',
    'notifications.mail.why':
      'U krijgt deze e-mail omdat u dat zo hebt gekozen voor: {kind}. Wilt u deze e-mails anders of niet meer? Kies het hier: {url}',
    'notifications.mail.settings': 'Al uw keuzes voor e-mail: {url}',
    'notifications.mail.signature': 'Groeten van Buurtkracht',
    'notifications.summary.subject':
      'Buurtkracht: {count, plural, one {# melding} other {# meldingen}} van vandaag',
    'notifications.summary.intro': 'Dit is er gebeurd sinds uw vorige overzicht:',
    'notifications.summary.change': 'Andere keuze voor "{kind}": {url}',
    'notifications.list.title': 'Meldingen',
    'notifications.list.intro':
      'Hier ziet u wat er gebeurde bij signalen, duo’s, bijeenkomsten, uitnodigingen en plannen voor het wijkbudget die met u te maken hebben.',
    'notifications.list.none': 'U hebt nog geen meldingen.',
    'notifications.list.unread': 'Nieuw',
    'notifications.list.open': 'Bekijken',
    'notifications.list.markRead': 'Gelezen',
    'notifications.list.markAll': 'Alles gelezen',
    'notifications.list.settings': 'Kies welke e-mail u krijgt',
    'notifications.list.marked': 'De melding is gelezen.',
    'notifications.list.allMarked': 'Alle meldingen zijn gelezen.',
    'notifications.settings.title': 'E-mail over meldingen',
    'notifications.settings.intro':
      'Kies per soort melding of u meteen een e-mail krijgt, één e-mail per dag met alles bij elkaar, of geen e-mail. Meldingen met "Geen e-mail" komen ook niet in uw lijst.',
    'notifications.settings.save': 'Keuzes opslaan',
    'notifications.settings.saved': 'Uw keuzes zijn opgeslagen.',
    'notifications.settings.back': 'Terug naar mijn gegevens',
    'notifications.name.signal': 'de keuze voor signalen',
    'notifications.name.duo': 'de keuze voor duo’s',
    'notifications.name.moderation': 'de keuze voor beoordelen',
    'notifications.name.meeting': 'de keuze voor bijeenkomsten',
    'notifications.name.invitation': 'de keuze voor uitnodigingen',
    'notifications.name.budget': 'de keuze voor mijn plannen voor het wijkbudget',
    'notifications.name.choice': 'uw keuze',
    'notifications.oneClick.title': 'E-mail over: {kind}',
    'notifications.oneClick.intro':
      'Hoe wilt u voortaan e-mail krijgen over: {kind}? U hoeft niet in te loggen.',
    'notifications.oneClick.save': 'Keuze opslaan',
    'notifications.oneClick.saved': 'Uw keuze is opgeslagen: {choice}.',
    'notifications.oneClick.invalid':
      'Deze link klopt niet. Gebruik de link uit uw laatste e-mail, of log in en kies bij Mijn gegevens.',
    'notifications.personData.title': 'Meldingen en uw keuzes voor e-mail',
  },
  en: {
    'notifications.nav': 'Notifications',
    'notifications.navUnread': 'Notifications ({count, plural, one {# new} other {# new}})',
    'notifications.kind.signal': 'Signals I follow: a new step or a new update',
    'notifications.kind.duo': 'I was added to a duo',
    'notifications.kind.moderation': 'Something waits in a list I review',
    'notifications.kind.meeting':
      'A meeting I attend: tomorrow, moved, cancelled or going ahead after all',
    'notifications.kind.invitation': 'Someone accepted my invitation',
    'notifications.kind.budget': 'My plan for the neighbourhood budget: reviewed or results out',
    'notifications.choice.immediate': 'An email straight away',
    'notifications.choice.daily': 'One email a day with everything together',
    'notifications.choice.off': 'No email',
    'notifications.event.signal.status': 'The signal "{title}" has a new step: {statusKey}.',
    'notifications.event.signal.update': 'There is a new update on the signal "{title}".',
    'notifications.event.duo.added': 'You were added to the duo of the signal "{title}".',
    'notifications.event.moderation.waiting':
      'Someone reported a message in {network} ({whatKey}). It waits for your review.',
    'notifications.event.meeting.tomorrow': 'The meeting "{title}" is tomorrow, at {at}.',
    'notifications.event.meeting.moved': 'The meeting "{title}" was moved to {at}.',
    'notifications.event.meeting.cancelled': 'The meeting "{title}" of {at} is cancelled.',
    'notifications.event.meeting.reopened':
      'The meeting "{title}" of {at} is going ahead after all. Your reply still stands.',
    'notifications.event.invitation.accepted': '{name} accepted your invitation to {network}.',
    'notifications.event.budget.accepted':
      'Your plan "{title}" is accepted. It goes on the ballot of "{round}".',
    'notifications.event.budget.rejected':
      'Your plan "{title}" is not accepted. This is the reason: {reason}',
    'notifications.event.budget.cost':
      'The cost of your plan "{title}" was changed: from {oldCents} to {newCents}. This is the reason: {reason}',
    'notifications.event.budget.funded':
      'The results of "{round}" are out: your plan "{title}" is funded. {explanation}',
    'notifications.event.budget.notFunded':
      'The results of "{round}" are out: your plan "{title}" is not funded. {explanation}',
    'notifications.mail.greeting': 'Hello,',
    'notifications.mail.look': 'See it here: {url}',
    'notifications.mail.why':
      'You receive this email because you chose it for: {kind}. Would you like these emails differently, or not at all? Choose here: {url}',
    'notifications.mail.settings': 'All your email choices: {url}',
    'notifications.mail.signature': 'Kind regards, Buurtkracht',
    'notifications.summary.subject':
      'Buurtkracht: {count, plural, one {# notification} other {# notifications}} of today',
    'notifications.summary.intro': 'This happened since your previous summary:',
    'notifications.summary.change': 'Another choice for "{kind}": {url}',
    'notifications.list.title': 'Notifications',
    'notifications.list.intro':
      'What happened to signals, duos, meetings, invitations and neighbourhood-budget plans that concern you.',
    'notifications.list.none': 'You have no notifications yet.',
    'notifications.list.unread': 'New',
    'notifications.list.open': 'View',
    'notifications.list.markRead': 'Read',
    'notifications.list.markAll': 'All read',
    'notifications.list.settings': 'Choose which emails you receive',
    'notifications.list.marked': 'The notification is marked as read.',
    'notifications.list.allMarked': 'All notifications are marked as read.',
    'notifications.settings.title': 'Email about notifications',
    'notifications.settings.intro':
      'Choose for each kind of notification whether you get an email straight away, one email a day with everything together, or no email. Notifications set to "No email" do not show in your list either.',
    'notifications.settings.save': 'Save choices',
    'notifications.settings.saved': 'Your choices are saved.',
    'notifications.settings.back': 'Back to my details',
    'notifications.name.signal': 'the choice for signals',
    'notifications.name.duo': 'the choice for duos',
    'notifications.name.moderation': 'the choice for reviewing',
    'notifications.name.meeting': 'the choice for meetings',
    'notifications.name.invitation': 'the choice for invitations',
    'notifications.name.budget': 'the choice for my neighbourhood-budget plans',
    'notifications.name.choice': 'your choice',
    'notifications.oneClick.title': 'Email about: {kind}',
    'notifications.oneClick.intro':
      'How would you like to receive email about: {kind}? You do not need to sign in.',
    'notifications.oneClick.save': 'Save choice',
    'notifications.oneClick.saved': 'Your choice is saved: {choice}.',
    'notifications.oneClick.invalid':
      'This link is not right. Use the link from your latest email, or sign in and choose under My details.',
    'notifications.personData.title': 'Notifications and your email choices',
  },
});
