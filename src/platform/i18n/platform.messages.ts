import { defineMessages } from './define.js';

/** Strings of the page layout, forms and error pages, shared by every module. */
export const platformMessages = defineMessages({
  nl: {
    'layout.skipLink': 'Naar de inhoud',
    'layout.platformName': 'Buurtkracht',
    'layout.tagline': 'Samen werken aan de buurt',
    'layout.mainNav': 'Hoofdmenu',
    'layout.nav.home': 'Start',
    'layout.nav.networks': 'Buurtnetwerken',
    'layout.footer': 'Voettekst',
    'layout.footer.accessibility': 'Toegankelijkheid',
    'layout.footer.privacy': 'Privacy',
    'layout.footer.about': 'Buurtkracht is open source software voor buurtnetwerken.',
    'layout.language': 'Taal',
    'layout.language.switchTo': 'Read this site in English',
    'layout.currentNetwork': 'Uw buurtnetwerk: {name}',
    'form.errorSummary.title': 'Er ging iets mis. Controleer deze punten:',
    'form.errorTitlePrefix': 'Fout: ',
    'form.required': 'Vul dit veld in.',
    'form.tooShort': 'Gebruik minstens {min, plural, one {# teken} other {# tekens}}.',
    'form.tooLong': 'Gebruik hoogstens {max, plural, one {# teken} other {# tekens}}.',
    'form.email': 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
    'form.choose': 'Maak een keuze.',
    'form.number': 'Vul een getal in.',
    'form.date': 'Vul een geldige datum in.',
    'form.invalid': 'Deze waarde klopt niet.',
    'form.notText': 'Vul hier één tekst in. Het formulier stuurde iets anders mee.',
    'form.optional': '(niet verplicht)',
    'photo.field': 'Foto',
    'photo.hint':
      'JPEG, PNG of WebP, hooguit 10 MB en {megapixels} megapixel. Locatie- en cameragegevens halen we eruit.',
    'photo.current': 'De foto nu',
    'photo.replace': 'Andere foto kiezen',
    'photo.remove': 'Foto weghalen',
    'photo.description': 'Wat staat er op de foto?',
    'photo.descriptionNeeded': '(nodig bij een foto)',
    'photo.name.description': 'de beschrijving van de foto',
    'photo.error.tooLarge':
      'Deze foto is groter dan 10 MB. Kies een kleinere foto of verklein hem eerst. Er is nog niets opgeslagen.',
    'photo.error.type':
      'Dit bestand is geen foto die we kunnen gebruiken. Kies een JPEG-, PNG- of WebP-foto. Er is nog niets opgeslagen.',
    'photo.error.tooManyPixels':
      'Deze foto heeft meer dan {megapixels} megapixel. Kies een kleinere foto of verklein hem eerst. Er is nog niets opgeslagen.',
    'photo.error.empty':
      'Dit bestand is leeg (0 bytes). Kies de foto opnieuw. Er is nog niets opgeslagen.',
    'photo.error.descriptionRequired':
      'Schrijf kort op wat er op de foto staat. Dat lezen mensen die de foto niet kunnen zien.',
    'form.honeypot': 'Laat dit veld leeg',
    'form.named.required': 'Vul {field} in.',
    'form.named.choose': 'Kies {field}.',
    'form.named.tooShort':
      'Gebruik voor {field} minstens {min, plural, one {# teken} other {# tekens}}.',
    'form.named.tooLong':
      'Gebruik voor {field} hoogstens {max, plural, one {# teken} other {# tekens}}.',
    'form.named.email': 'Vul bij {field} een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
    'form.named.number': 'Vul bij {field} een getal in.',
    'form.named.date': 'Vul bij {field} een geldige datum in.',
    'form.named.invalid': 'Controleer {field}: deze waarde klopt niet.',
    'pagination.label': 'Pagina’s van de lijst',
    'summary.yes': 'ja',
    'summary.no': 'nee',
    'summary.none': 'Niets.',
    'summary.files': 'Bestanden in deze download',
    'pagination.page': 'Pagina {page} van {pages} ({total} in totaal)',
    'pagination.previous': 'Vorige pagina',
    'pagination.next': 'Volgende pagina',
    'form.tooFast': 'Dat ging wel erg snel. Lees uw tekst nog even na en verstuur hem dan opnieuw.',
    'form.expired':
      'Het formulier stond te lang open. Uw tekst staat er nog: verstuur hem opnieuw.',
    'error.notFound.title': 'Deze pagina bestaat niet',
    'error.notFound.body':
      'Misschien is de pagina verplaatst, of zit er een typfout in het adres. Ga terug naar de startpagina.',
    'error.gone.title': 'Dit is er niet (meer)',
    'error.forbidden.title': 'U heeft geen toegang tot deze pagina',
    'error.forbidden.body':
      'Deze pagina is alleen voor mensen met een bepaalde rol in het buurtnetwerk. Denkt u dat dit niet klopt? Neem dan contact op met de coördinator van uw buurtnetwerk.',
    'error.forbidden.role':
      'U bent lid van dit buurtnetwerk, maar deze pagina is voor een andere rol, bijvoorbeeld de coördinator. Denkt u dat u hier wel moet kunnen komen? Vraag het dan aan de coördinator van uw buurtnetwerk.',
    'error.forbidden.backToNetwork': 'Naar de startpagina van uw buurtnetwerk',
    'error.csrf.title': 'Het formulier is verlopen',
    'error.csrf.body':
      'Voor uw veiligheid werkt een formulier maar een tijdje. Ga terug, laad de pagina opnieuw en probeer het nog een keer. Er is niets opgeslagen.',
    'error.tooMany.title': 'Even rustig aan',
    'error.tooMany.body':
      'Er kwamen te veel verzoeken tegelijk binnen. Wacht een paar minuten en probeer het dan opnieuw.',
    'error.badRequest.title': 'Dit verzoek klopt niet',
    'error.badRequest.body': 'De gegevens konden niet worden gelezen. Er is niets opgeslagen.',
    'error.unreadable.body':
      'Wat u verstuurde kon niet worden gelezen, er is niets opgeslagen. Ga terug naar het formulier en probeer het opnieuw. Lukt het niet? Laad dan de pagina opnieuw.',
    'error.tooLarge.title': 'Dit is te veel in één keer',
    'error.tooLarge.body':
      'Wat u verstuurde is te groot: hooguit 1 MB tekst, of een foto van hooguit 10 MB. Er is niets opgeslagen. Ga terug en maak de tekst korter of kies een kleinere foto.',
    'error.server.title': 'Er ging iets mis aan onze kant',
    'error.server.body':
      'Het spijt ons. Probeer het over een paar minuten opnieuw. Blijft het misgaan? Noem dan deze code als u contact opneemt: {requestId}.',
    'error.backHome': 'Naar de startpagina',
  },
  en: {
    'layout.skipLink': 'Skip to content',
    'layout.platformName': 'Buurtkracht',
    'layout.tagline': 'Working together on the neighbourhood',
    'layout.mainNav': 'Main menu',
    'layout.nav.home': 'Home',
    'layout.nav.networks': 'Neighbourhood networks',
    'layout.footer': 'Footer',
    'layout.footer.accessibility': 'Accessibility',
    'layout.footer.privacy': 'Privacy',
    'layout.footer.about': 'Buurtkracht is open-source software for neighbourhood networks.',
    'layout.language': 'Language',
    'layout.language.switchTo': 'Lees deze site in het Nederlands',
    'layout.currentNetwork': 'Your neighbourhood network: {name}',
    'form.errorSummary.title': 'Something went wrong. Please check these points:',
    'form.errorTitlePrefix': 'Error: ',
    'form.required': 'Please fill in this field.',
    'form.tooShort': 'Use at least {min, plural, one {# character} other {# characters}}.',
    'form.tooLong': 'Use at most {max, plural, one {# character} other {# characters}}.',
    'form.email': 'Enter a valid email address, such as name@example.com.',
    'form.choose': 'Please make a choice.',
    'form.number': 'Enter a number.',
    'form.date': 'Enter a valid date.',
    'form.invalid': 'This value is not valid.',
    'form.notText': 'Please enter one text here. The form sent something else.',
    'form.optional': '(optional)',
    'photo.field': 'Photo',
    'photo.hint':
      'JPEG, PNG or WebP, at most 10 MB and {megapixels} megapixels. We remove location and camera data.',
    'photo.current': 'The photo now',
    'photo.replace': 'Choose another photo',
    'photo.remove': 'Remove the photo',
    'photo.description': 'What does the photo show?',
    'photo.descriptionNeeded': '(needed with a photo)',
    'photo.name.description': 'the description of the photo',
    'photo.error.tooLarge':
      'This photo is larger than 10 MB. Choose a smaller photo or make it smaller first. Nothing has been saved yet.',
    'photo.error.type':
      'This file is not a photo we can use. Choose a JPEG, PNG or WebP photo. Nothing has been saved yet.',
    'photo.error.tooManyPixels':
      'This photo has more than {megapixels} megapixels. Choose a smaller photo or make it smaller first. Nothing has been saved yet.',
    'photo.error.empty':
      'This file is empty (0 bytes). Choose the photo again. Nothing has been saved yet.',
    'photo.error.descriptionRequired':
      'Write briefly what the photo shows. People who cannot see the photo read this.',
    'form.honeypot': 'Leave this field empty',
    'form.named.required': 'Enter {field}.',
    'form.named.choose': 'Choose {field}.',
    'form.named.tooShort':
      'Use at least {min, plural, one {# character} other {# characters}} for {field}.',
    'form.named.tooLong':
      'Use at most {max, plural, one {# character} other {# characters}} for {field}.',
    'form.named.email': 'Enter a valid email address for {field}, like name@example.com.',
    'form.named.number': 'Enter a number for {field}.',
    'form.named.date': 'Enter a valid date for {field}.',
    'form.named.invalid': 'Check {field}: this value is not right.',
    'pagination.label': 'Pages of the list',
    'summary.yes': 'yes',
    'summary.no': 'no',
    'summary.none': 'Nothing.',
    'summary.files': 'Files in this download',
    'pagination.page': 'Page {page} of {pages} ({total} in all)',
    'pagination.previous': 'Previous page',
    'pagination.next': 'Next page',
    'form.tooFast': 'That was very quick. Please read your text once more and send it again.',
    'form.expired': 'The form was open too long. Your text is still here: send it again.',
    'error.notFound.title': 'This page does not exist',
    'error.notFound.body':
      'The page may have moved, or there is a typo in the address. Go back to the home page.',
    'error.gone.title': 'This is not here (any more)',
    'error.forbidden.title': 'You do not have access to this page',
    'error.forbidden.body':
      'This page is only for people with a certain role in the neighbourhood network. If you think this is wrong, please contact the coordinator of your network.',
    'error.forbidden.role':
      'You are a member of this neighbourhood network, but this page is for another role, such as the coordinator. If you think you should be able to open it, please ask the coordinator of your network.',
    'error.forbidden.backToNetwork': 'Go to the start page of your network',
    'error.csrf.title': 'The form has expired',
    'error.csrf.body':
      'For your safety a form only works for a while. Go back, reload the page and try again. Nothing has been saved.',
    'error.tooMany.title': 'Please slow down',
    'error.tooMany.body': 'Too many requests came in at once. Wait a few minutes and try again.',
    'error.badRequest.title': 'This request is not valid',
    'error.badRequest.body': 'The data could not be read. Nothing has been saved.',
    'error.unreadable.body':
      'What you sent could not be read; nothing has been saved. Go back to the form and try again. If that does not work, reload the page.',
    'error.tooLarge.title': 'This is too much at once',
    'error.tooLarge.body':
      'What you sent is too large: at most 1 MB of text, or a photo of at most 10 MB. Nothing has been saved. Go back and shorten the text or choose a smaller photo.',
    'error.server.title': 'Something went wrong on our side',
    'error.server.body':
      'We are sorry. Please try again in a few minutes. If it keeps happening, mention this code when you contact us: {requestId}.',
    'error.backHome': 'Go to the home page',
  },
});
