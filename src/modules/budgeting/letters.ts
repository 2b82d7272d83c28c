// The voting letters as one PDF for a mailing house: one A4 page per code, with the
// explanation in plain Dutch, the code, the web address and a QR code of that address.
import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import type { Translate } from '../../platform/i18n/index.js';
import { type LetterViewModel, letterParagraphs } from './views/letters.js';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 64;

/** Characters the standard font cannot draw become '?', so no user text can break the PDF. */
function printable(font: PDFFont, text: string): string {
  let out = '';
  for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += '?';
    }
  }
  return out;
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The letters as PDF bytes. The QR code points at the voting page (not at the code). */
export async function lettersPdf(t: Translate, vm: LetterViewModel): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(
    printable(
      await pdf.embedFont(StandardFonts.Helvetica),
      t('budget.letter.pageTitle', { round: vm.roundTitle }),
    ),
  );
  pdf.setCreator('Buurtkracht');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.CourierBold);
  const qr = await pdf.embedPng(
    await QRCode.toBuffer(vm.url, { type: 'png', margin: 1, width: 240 }),
  );
  const width = A4[0] - 2 * MARGIN;
  const paragraphs = letterParagraphs(t, vm).map((p) => printable(font, p));
  const heading = printable(bold, t('budget.letter.heading', { round: vm.roundTitle }));
  for (const { code, address } of vm.letters) {
    const page = pdf.addPage(A4);
    // The address in the window of the envelope, as text (the standard font draws no markup).
    if (address)
      for (const [k, line] of wrap(font, printable(font, address), 11, 240).entries())
        page.drawText(line, { x: MARGIN, y: A4[1] - MARGIN - 30 - k * 15, size: 11, font });
    let y = A4[1] - MARGIN - 120; // room for the address window of the mailing house
    for (const line of wrap(bold, heading, 16, width)) {
      page.drawText(line, { x: MARGIN, y, size: 16, font: bold });
      y -= 22;
    }
    y -= 8;
    for (const p of paragraphs) {
      for (const line of wrap(font, p, 11, width)) {
        page.drawText(line, { x: MARGIN, y, size: 11, font, color: rgb(0.1, 0.1, 0.1) });
        y -= 16;
      }
      y -= 8;
    }
    page.drawText(printable(font, t('budget.letter.yourCode')), { x: MARGIN, y, size: 11, font });
    y -= 26;
    page.drawText(code, { x: MARGIN, y, size: 20, font: mono });
    y -= 34;
    page.drawText(printable(font, t('budget.letter.address')), { x: MARGIN, y, size: 11, font });
    y -= 18;
    page.drawText(printable(font, vm.url), { x: MARGIN, y, size: 11, font: bold });
    y -= 24 + 120;
    page.drawImage(qr, { x: MARGIN, y, width: 120, height: 120 });
    page.drawText(printable(font, t('budget.letter.qr')), {
      x: MARGIN + 136,
      y: y + 56,
      size: 10,
      font,
    });
  }
  return pdf.save();
}
