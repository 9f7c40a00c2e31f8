import PDFDocument from 'pdfkit';
import { fonts } from '../documents/layout.ts';

// The older exports, until they are all laid out by documents/layout.ts: the same shipped serif
// font (Tinos), so no PDF of the product embeds another.

export type Pdf = InstanceType<typeof PDFDocument>;

/** A new A4 document with the fonts registered, and a promise of its bytes once `end()` is called. */
export function createPdf(options: { title: string; landscape?: boolean }): {
  doc: Pdf;
  done: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.landscape ? 'landscape' : 'portrait',
    margins: { top: 50, bottom: 50, left: 56, right: 45 },
    info: { Title: options.title, Creator: 'cadre-eval' },
    bufferPages: true,
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.font('regular').fontSize(11);
  const parts: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => parts.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** The two-column heading of an administrative document: agency left, national motto right. */
export function nationalHeader(
  doc: Pdf,
  options: { agency: string; unit?: string | null; place?: string },
): void {
  const top = doc.y;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const leftWidth = width * 0.42;
  const rightX = doc.page.margins.left + width * 0.4;
  const rightWidth = width * 0.6;
  doc.font('regular').fontSize(10).text(options.agency.toUpperCase(), doc.page.margins.left, top, {
    width: leftWidth,
    align: 'center',
  });
  if (options.unit) doc.font('bold').text(options.unit.toUpperCase(), { width: leftWidth, align: 'center' });
  const leftBottom = doc.y;
  doc.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, {
    width: rightWidth,
    align: 'center',
  });
  doc
    .font('bold')
    .fontSize(11)
    .text('Độc lập - Tự do - Hạnh phúc', { width: rightWidth, align: 'center', underline: true });
  if (options.place) {
    doc
      .moveDown(0.5)
      .font('regular')
      .fontSize(10)
      .text(options.place, { width: rightWidth, align: 'center' });
  }
  doc.x = doc.page.margins.left;
  doc.y = Math.max(leftBottom, doc.y) + 18;
}

export function heading(doc: Pdf, lines: string[]): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  lines.forEach((line, index) => {
    doc
      .font(index === 0 ? 'bold' : 'regular')
      .fontSize(index === 0 ? 13 : 11)
      .text(line, doc.page.margins.left, doc.y, { width, align: 'center' });
  });
  doc.moveDown(1);
}

export type PdfColumn = { header: string; width: number; align?: 'left' | 'center' | 'right' };

/** A ruled table that continues on new pages, repeating its header. */
export function table(doc: Pdf, columns: PdfColumn[], rows: string[][]): void {
  const left = doc.page.margins.left;
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const usable = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const scale = usable / total;
  const widths = columns.map((column) => column.width * scale);
  const padding = 3;

  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(9);
    return (
      Math.max(
        ...cells.map((cell, index) =>
          doc.heightOfString(cell, { width: (widths[index] ?? 0) - 2 * padding }),
        ),
      ) +
      2 * padding
    );
  };
  const drawRow = (cells: string[], font: string, fill?: string) => {
    const height = rowHeight(cells, font);
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawRow(
        columns.map((column) => column.header),
        'bold',
        '#e8eef7',
      );
    }
    const y = doc.y;
    let x = left;
    cells.forEach((cell, index) => {
      const width = widths[index] ?? 0;
      if (fill) doc.rect(x, y, width, height).fill(fill).fillColor('black');
      doc.rect(x, y, width, height).lineWidth(0.5).stroke();
      doc
        .font(font)
        .fontSize(9)
        .text(cell, x + padding, y + padding, {
          width: width - 2 * padding,
          align: columns[index]?.align ?? 'left',
        });
      x += width;
    });
    doc.x = left;
    doc.y = y + height;
  };
  drawRow(
    columns.map((column) => column.header),
    'bold',
    '#e8eef7',
  );
  for (const row of rows) drawRow(row, 'regular');
  doc.moveDown(1);
}

/** Signature blocks side by side (title above, name below). */
export function signatures(doc: Pdf, blocks: { title: string; name?: string | null }[]): void {
  const usable = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  if (doc.y + 110 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y + 10;
  const width = usable / blocks.length;
  blocks.forEach((block, index) => {
    const x = doc.page.margins.left + index * width;
    doc.font('bold').fontSize(10).text(block.title, x, top, { width, align: 'center' });
    doc.font('regular').fontSize(9).text('(Ký, ghi rõ họ tên)', x, doc.y, { width, align: 'center' });
    if (block.name)
      doc
        .font('bold')
        .fontSize(10)
        .text(block.name, x, top + 80, { width, align: 'center' });
  });
  doc.x = doc.page.margins.left;
  doc.y = top + 100;
}
