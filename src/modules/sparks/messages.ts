import { defineMessages } from '../../platform/i18n/define.js';

export const sparksMessages = defineMessages({
  nl: {
    'sparks.title': 'Vonkjes',
    'sparks.optional': '(niet verplicht)',
    'sparks.photoAlt': 'Foto bij het vonkje',
    'sparks.isPublic': 'openbaar',
    'sparks.formerMember': 'oud-lid',
    'sparks.fromNeighbourhood': 'iemand uit de buurt',
    'sparks.added': 'Dank u wel! Uw vonkje staat erbij.',
    'sparks.backToWall': 'Terug naar de vonkjes',
    'sparks.wall.title': 'Vonkjes van {network}',
    'sparks.wall.intro':
      'Vonkjes zijn de goede dingen die u in de buurt zag gebeuren. Elke bijeenkomst begint ermee.',
    'sparks.wall.list': 'Alle vonkjes, nieuwste eerst',
    'sparks.wall.empty': 'Er zijn nog geen vonkjes. Wat zag u gebeuren?',
    'sparks.add.title': 'Een vonkje toevoegen',
    'sparks.form.text': 'Wat zag u gebeuren?',
    'sparks.form.textHint': 'Kort en concreet, hooguit 280 tekens.',
    'sparks.form.photo': 'Foto',
    'sparks.form.photoHint':
      'JPEG, PNG of WebP, hooguit 10 MB en 120 megapixel. Locatie- en cameragegevens halen we eruit.',
    'sparks.form.public': 'Dit vonkje mag op de openbare pagina van het netwerk',
    'sparks.form.publicHint': 'Zonder uw naam. Zet dit alleen aan als iedereen het mag zien.',
    'sparks.form.submit': 'Vonkje toevoegen',
    'sparks.error.empty': 'Schrijf op wat u zag gebeuren.',
    'sparks.error.tooLong': 'Een vonkje is hooguit {max} tekens. Maak het wat korter.',
    'sparks.error.photoTooLarge':
      'Deze foto is groter dan 10 MB. Kies een kleinere foto of verklein hem eerst.',
    'sparks.error.photoType':
      'Dit bestand is geen foto die we kunnen gebruiken. Kies een JPEG-, PNG- of WebP-foto.',
    'sparks.error.photoPixels':
      'Deze foto heeft meer dan {megapixels} megapixel. Kies een kleinere foto of verklein hem eerst.',
    'sparks.error.photoEmpty':
      'Dit bestand is leeg (0 bytes). Kies de foto opnieuw. Het vonkje is nog niet opgeslagen.',
    'sparks.moderation.title': 'Vonkjes uit de buurt beoordelen',
    'sparks.moderation.intro':
      'Deze vonkjes kwamen binnen via de openbare pagina. Goedgekeurd komen ze openbaar op de vonkjesmuur; afgewezen worden ze verwijderd.',
    'sparks.moderation.empty': 'Er wachten geen vonkjes.',
    'sparks.moderation.link': 'Vonkjes uit de buurt beoordelen ({count} wachtend)',
    'sparks.moderation.approve': 'Goedkeuren',
    'sparks.moderation.reject': 'Afwijzen',
    'sparks.moderation.approved': 'Het vonkje staat nu op de muur.',
    'sparks.moderation.rejected': 'Het vonkje is verwijderd.',
    'sparks.moderation.unknown': 'Dit vonkje wacht niet (meer) op beoordeling.',
    'sparks.public.title': 'Vonkjes uit de buurt',
    'sparks.public.none': 'Nog geen openbare vonkjes.',
    'sparks.public.send': 'Stuur het netwerk een vonkje',
    'sparks.public.formTitle': 'Stuur {network} een vonkje',
    'sparks.public.formIntro':
      'Zag u iets moois gebeuren in de buurt? Vertel het ons. De coördinator leest het eerst; daarna komt het op de openbare pagina.',
    'sparks.public.name': 'Uw naam',
    'sparks.public.nameHint': 'Mag ook leeg blijven.',
    'sparks.public.submit': 'Vonkje versturen',
    'sparks.public.thanks': 'Dank u wel! De coördinator leest uw vonkje zo snel mogelijk.',
    'sparks.public.back': 'Terug naar {network}',
  },
  en: {
    'sparks.title': 'Sparks',
    'sparks.optional': '(optional)',
    'sparks.photoAlt': 'Photo with the spark',
    'sparks.isPublic': 'public',
    'sparks.formerMember': 'former member',
    'sparks.fromNeighbourhood': 'someone from the neighbourhood',
    'sparks.added': 'Thank you! Your spark has been added.',
    'sparks.backToWall': 'Back to the sparks',
    'sparks.wall.title': 'Sparks of {network}',
    'sparks.wall.intro':
      'Sparks are the good things you saw happen in the neighbourhood. Every meeting opens with them.',
    'sparks.wall.list': 'All sparks, newest first',
    'sparks.wall.empty': 'No sparks yet. What did you see happen?',
    'sparks.add.title': 'Add a spark',
    'sparks.form.text': 'What did you see happen?',
    'sparks.form.textHint': 'Short and concrete, at most 280 characters.',
    'sparks.form.photo': 'Photo',
    'sparks.form.photoHint':
      'JPEG, PNG or WebP, at most 10 MB and 120 megapixels. We remove location and camera data.',
    'sparks.form.public': "This spark may be shown on the network's public page",
    'sparks.form.publicHint': 'Without your name. Only tick this if anyone may see it.',
    'sparks.form.submit': 'Add spark',
    'sparks.error.empty': 'Write down what you saw happen.',
    'sparks.error.tooLong': 'A spark is at most {max} characters. Please make it a bit shorter.',
    'sparks.error.photoTooLarge':
      'This photo is larger than 10 MB. Choose a smaller photo or make it smaller first.',
    'sparks.error.photoType':
      'This file is not a photo we can use. Choose a JPEG, PNG or WebP photo.',
    'sparks.error.photoPixels':
      'This photo has more than {megapixels} megapixels. Choose a smaller photo or make it smaller first.',
    'sparks.error.photoEmpty':
      'This file is empty (0 bytes). Please choose the photo again. The spark has not been saved yet.',
    'sparks.moderation.title': 'Review sparks from the neighbourhood',
    'sparks.moderation.intro':
      'These sparks came in through the public page. Approved, they appear publicly on the sparks wall; rejected, they are deleted.',
    'sparks.moderation.empty': 'No sparks are waiting.',
    'sparks.moderation.link': 'Review sparks from the neighbourhood ({count} waiting)',
    'sparks.moderation.approve': 'Approve',
    'sparks.moderation.reject': 'Reject',
    'sparks.moderation.approved': 'The spark is now on the wall.',
    'sparks.moderation.rejected': 'The spark has been deleted.',
    'sparks.moderation.unknown': 'This spark is not (or no longer) waiting for review.',
    'sparks.public.title': 'Sparks from the neighbourhood',
    'sparks.public.none': 'No public sparks yet.',
    'sparks.public.send': 'Send the network a spark',
    'sparks.public.formTitle': 'Send {network} a spark',
    'sparks.public.formIntro':
      'Did you see something good happen in the neighbourhood? Tell us. The coordinator reads it first; then it appears on the public page.',
    'sparks.public.name': 'Your name',
    'sparks.public.nameHint': 'You may leave this empty.',
    'sparks.public.submit': 'Send spark',
    'sparks.public.thanks': 'Thank you! The coordinator will read your spark soon.',
    'sparks.public.back': 'Back to {network}',
  },
});
