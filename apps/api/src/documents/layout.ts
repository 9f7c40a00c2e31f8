import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

// The one layout of every generated document: Nghị định 30/2020/NĐ-CP, Phụ lục I (thể thức và kỹ
// thuật trình bày văn bản hành chính). A document is described as data (header, body blocks,
// recipients, signer, annex) and laid out here, so every PDF has the same motto block, agency
// block, number, place and date, margins, font and page numbers.

const require = createRequire(import.meta.url);
const fontRoot = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));

/** Tinos: metric-compatible with Times New Roman (Phụ lục I, mục II.1), covering every Vietnamese letter. */
export const fonts = {
  regular: path.join(fontRoot, '400Regular', 'Tinos_400Regular.ttf'),
  bold: path.join(fontRoot, '700Bold', 'Tinos_700Bold.ttf'),
  italic: path.join(fontRoot, '400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
  boldItalic: path.join(fontRoot, '700Bold_Italic', 'Tinos_700Bold_Italic.ttf'),
} as const;

type FontName = keyof typeof fonts;

const mm = (value: number) => (value * 72) / 25.4;

/** Page margins (Phụ lục I, mục II.4: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm). */
export const margins = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;

/** Font sizes in points, each within the range Phụ lục I gives for its element. */
export const sizes = {
  agency: 13, // tên cơ quan: 12–13, in hoa
  mottoFirst: 13, // quốc hiệu: 12–13, in hoa, đậm
  mottoSecond: 14, // tiêu ngữ: 13–14, đậm
  number: 13, // số, ký hiệu: 13
  placeDate: 14, // địa danh, thời gian: 13–14, nghiêng
  kind: 14, // tên loại văn bản: 13–14, in hoa, đậm
  subject: 14, // trích yếu: 13–14, đậm
  body: 13, // nội dung: 13–14
  table: 12, // bảng biểu, phụ lục
  recipientsLabel: 12, // "Nơi nhận:": 12, nghiêng, đậm
  recipients: 11, // danh sách nơi nhận: 11
  signer: 13, // quyền hạn, chức vụ: 13–14, in hoa, đậm
  signerName: 14, // họ tên người ký: 13–14, đậm
  pageNumber: 13, // số trang: 13–14, giữa lề trên, từ trang 2
  formCode: 12,
} as const;

/** Vietnamese text in precomposed form (NFC): decomposed diacritics would not match searches or fonts. */
export function vi(text: string): string {
  return text.normalize('NFC');
}

/** "ngày 02 tháng 12 năm 2026" — days below 10 and months 1, 2 with a leading zero (Phụ lục I, II.5.b). */
export function dateInWords(date: Date | null, year?: number): string {
  if (!date) return `ngày ... tháng ... năm ${year ?? ''}`.trimEnd();
  const day = date.getUTCDate();
  const month = date.getUTCMonth() + 1;
  const dd = day < 10 ? `0${day}` : String(day);
  const MM = month < 3 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${MM} năm ${date.getUTCFullYear()}`;
}

/** The issuing agency and the agency directly above it (ô số 2), the symbol suffix and the place name. */
export type AgencyBlock = {
  /** cơ quan chủ quản trực tiếp, printed in capitals (null for a People's Committee) */
  parent: string | null;
  /** the issuing agency, bold capitals; a long name may be given as two lines */
  issuer: string[];
  /** chữ viết tắt of the issuer, e.g. "UBND", "SNV" */
  abbreviation: string;
  /** địa danh, e.g. "Hòa An" */
  place: string;
  /** the issuer's name in running text, e.g. "Ủy ban nhân dân tỉnh Hòa An" */
  name: string;
};

export type SignerBlock = {
  /** quyền hạn: TM. (on behalf of a collective), KT. (deputy for the head), TL., TUQ., Q. */
  authority: { kind: 'TM.' | 'KT.' | 'TL.' | 'TUQ.' | 'Q.'; of: string } | null;
  /** chức vụ of the signer, e.g. "CHỦ TỊCH", "PHÓ GIÁM ĐỐC" */
  position: string;
  name: string | null;
  /** under the position, e.g. "(Ký, ghi rõ họ tên)" on forms */
  note?: string | null;
  /** a dated line above the block on forms: "Ngày ... tháng ... năm ..." */
  dateLine?: string | null;
};

export type Column = { header: string; width: number; align?: 'left' | 'center' | 'right' };

export type Block =
  | {
      kind: 'paragraph';
      text: string;
      style?: 'body' | 'basis' | 'bold' | 'italic' | 'boldItalic';
      align?: 'justify' | 'left' | 'center' | 'right';
      indent?: boolean;
      size?: number;
    }
  | { kind: 'heading'; text: string; size?: number; italic?: boolean }
  | { kind: 'table'; columns: Column[]; rows: string[][]; size?: number; boldRows?: number[] }
  | { kind: 'signatures'; blocks: SignerBlock[] }
  | { kind: 'space'; lines?: number }
  | { kind: 'pageBreak' };

export type OfficialDocument = {
  /** the PDF's Title entry */
  title: string;
  agency: AgencyBlock;
  /** số: null prints a blank to be filled in at issuance */
  number: string | null;
  /** ký hiệu without the agency abbreviation, e.g. "QĐ", "BB", "BC"; null for forms without a number */
  symbol: string | null;
  /** the whole symbol when it is not "<symbol>-<agency>", e.g. a letter's "UBND-NV" */
  symbolText?: string | null;
  /** the year printed when the date is blank */
  year: number;
  date: Date | null;
  /** forms: no place and date under the motto (each signature carries its own) */
  hideDate?: boolean;
  /** tên loại văn bản, e.g. "QUYẾT ĐỊNH"; null for a letter (công văn) */
  kind: string | null;
  /** trích yếu; for a letter it prints under the number as "V/v …" */
  subject: string[];
  /** "Mẫu số …" printed at the top right of forms */
  formCode?: string | null;
  /** "DỰ THẢO" printed at the top left of drafts */
  draft?: boolean;
  body: Block[];
  recipients?: string[] | null;
  signer?: SignerBlock | null;
  annex?: { heading: string[]; blocks: Block[]; reference?: string | null } | null;
  /** room for a PDF signature (PAdES), filled by the signing step */
  signature?: SignaturePlaceholder | null;
};

export type SignaturePlaceholder = {
  reason: string;
  name: string;
  location: string;
  contactInfo?: string;
  signingTime: Date;
};

export type Pdf = InstanceType<typeof PDFDocument>;

/** Bytes reserved for the CMS signature in /Contents (hex: twice that in the file). */
export const signatureLength = 16384;
export const byteRangePlaceholder = '**********';

/** The full symbol printed after "Số:", e.g. "QĐ-UBND". */
export function fullSymbol(
  document: Pick<OfficialDocument, 'symbol' | 'agency' | 'symbolText'>,
): string | null {
  if (document.symbolText) return document.symbolText;
  return document.symbol ? `${document.symbol}-${document.agency.abbreviation}` : null;
}

/** "12/QĐ-UBND", or "     /QĐ-UBND" with the number left blank. */
export function numberAndSymbol(
  document: Pick<OfficialDocument, 'symbol' | 'agency' | 'number' | 'symbolText'>,
): string {
  const symbol = fullSymbol(document);
  return `${document.number ?? '       '}/${symbol ?? ''}`;
}

class Layout {
  readonly doc: Pdf;
  /** space kept free at the bottom while laying out the last body block (the closing follows it) */
  reserve = 0;

  constructor(doc: Pdf) {
    this.doc = doc;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  font(name: FontName, size: number): this {
    this.doc.font(name).fontSize(size);
    return this;
  }

  /** Text at (x, y) in a box of the given width; returns the y below it. */
  text(
    value: string,
    x: number,
    y: number,
    width: number,
    options: { align?: 'left' | 'center' | 'right' | 'justify'; indent?: number; lineGap?: number } = {},
  ): number {
    this.doc.text(vi(value), x, y, { width, lineGap: 1, ...options });
    return this.doc.y;
  }

  height(value: string, width: number, options: { indent?: number; lineGap?: number } = {}): number {
    return this.doc.heightOfString(vi(value), { width, lineGap: 1, ...options });
  }

  ensure(height: number): void {
    if (this.doc.y + height > this.bottom - this.reserve) this.doc.addPage();
  }

  /** A centered line with a rule under it of the given share of the text's width. */
  underlined(y: number, x: number, width: number, textWidth: number, share: number): void {
    const length = textWidth * share;
    const start = x + (width - length) / 2;
    this.doc
      .moveTo(start, y)
      .lineTo(start + length, y)
      .lineWidth(0.6)
      .stroke();
  }

  header(document: OfficialDocument): void {
    const { doc } = this;
    const top = doc.page.margins.top;
    const leftWidth = this.width * 0.42;
    const rightX = this.left + this.width * 0.38;
    const rightWidth = this.width * 0.62;

    if (document.formCode) {
      this.font('boldItalic', sizes.formCode).text(document.formCode, this.left, top - 14, this.width, {
        align: 'right',
      });
    }
    if (document.draft) {
      this.font('bold', sizes.formCode).text('DỰ THẢO', this.left, top - 14, this.width, { align: 'left' });
    }

    // ô số 2: the agency block
    let leftY = top;
    if (document.agency.parent) {
      leftY = this.font('regular', sizes.agency).text(
        document.agency.parent.toLocaleUpperCase('vi'),
        this.left,
        leftY,
        leftWidth,
        { align: 'center' },
      );
    }
    this.font('bold', sizes.agency);
    let issuerWidth = 0;
    for (const line of document.agency.issuer) {
      const upper = line.toLocaleUpperCase('vi');
      issuerWidth = Math.max(issuerWidth, Math.min(doc.widthOfString(vi(upper)), leftWidth));
      leftY = this.text(upper, this.left, leftY, leftWidth, { align: 'center' });
    }
    // a rule under the issuer: between a third and half of the name's length
    this.underlined(leftY + 2, this.left, leftWidth, issuerWidth, 0.4);
    leftY += 10;
    // ô số 3: number and symbol
    if (document.symbol || document.symbolText) {
      leftY = this.font('regular', sizes.number).text(
        `Số: ${numberAndSymbol(document)}`,
        this.left,
        leftY,
        leftWidth,
        { align: 'center' },
      );
    }
    if (!document.kind && document.subject.length > 0) {
      // a letter: "V/v …" under the number (ô số 5b), 12–13
      this.font('regular', 12);
      for (const line of document.subject) {
        leftY = this.text(line, this.left, leftY + 2, leftWidth, { align: 'center' });
      }
    }

    // ô số 1: the national motto
    let rightY = this.font('bold', sizes.mottoFirst).text(
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      rightX,
      top,
      rightWidth,
      { align: 'center' },
    );
    this.font('bold', sizes.mottoSecond);
    const motto = 'Độc lập - Tự do - Hạnh phúc';
    const mottoWidth = doc.widthOfString(vi(motto));
    rightY = this.text(motto, rightX, rightY, rightWidth, { align: 'center' });
    // the rule under the motto is as long as the motto (Phụ lục I, II.3)
    this.underlined(rightY + 2, rightX, rightWidth, mottoWidth, 1);
    rightY += 10;
    // ô số 4: place and date
    if (!document.hideDate)
      rightY = this.font('italic', sizes.placeDate).text(
        `${document.agency.place}, ${dateInWords(document.date, document.year)}`,
        rightX,
        rightY,
        rightWidth,
        { align: 'center' },
      );

    doc.x = this.left;
    doc.y = Math.max(leftY, rightY) + 16;

    // ô số 5a: kind and subject
    if (document.kind) {
      this.font('bold', sizes.kind);
      doc.y = this.text(document.kind.toLocaleUpperCase('vi'), this.left, doc.y, this.width, {
        align: 'center',
      });
      this.font('bold', sizes.subject);
      let subjectWidth = 0;
      for (const line of document.subject) {
        subjectWidth = Math.max(subjectWidth, Math.min(doc.widthOfString(vi(line)), this.width));
        doc.y = this.text(line, this.left, doc.y, this.width, { align: 'center' });
      }
      if (document.subject.length > 0) this.underlined(doc.y + 2, this.left, this.width, subjectWidth, 0.4);
      doc.y += 14;
    }
  }

  block(block: Block): void {
    const { doc } = this;
    switch (block.kind) {
      case 'paragraph': {
        const style = block.style ?? 'body';
        const font: FontName =
          style === 'basis' || style === 'italic'
            ? 'italic'
            : style === 'bold'
              ? 'bold'
              : style === 'boldItalic'
                ? 'boldItalic'
                : 'regular';
        const size = block.size ?? sizes.body;
        this.font(font, size);
        const indent = block.indent === false ? 0 : mm(10);
        const height = this.height(block.text, this.width, { indent });
        // a paragraph that fits on a page is not split; a longer one continues on the next
        if (height < this.bottom - doc.page.margins.top) this.ensure(Math.min(height, 3 * size));
        this.text(block.text, this.left, doc.y, this.width, {
          align: block.align ?? 'justify',
          indent,
        });
        doc.y += 4;
        return;
      }
      case 'heading': {
        const size = block.size ?? sizes.body;
        this.font(block.italic ? 'boldItalic' : 'bold', size);
        this.ensure(this.height(block.text, this.width) + 3 * size);
        this.text(block.text, this.left, doc.y, this.width, { align: 'center' });
        doc.y += 4;
        return;
      }
      case 'space':
        doc.y += (block.lines ?? 1) * sizes.body;
        return;
      case 'pageBreak':
        doc.addPage();
        return;
      case 'table':
        this.table(block);
        return;
      case 'signatures':
        this.signatures(block.blocks);
        return;
    }
  }

  table(block: Extract<Block, { kind: 'table' }>): void {
    const { doc } = this;
    const size = block.size ?? sizes.table;
    const total = block.columns.reduce((sum, column) => sum + column.width, 0);
    const widths = block.columns.map((column) => (column.width * this.width) / total);
    const padding = 3;
    const bold = new Set(block.boldRows ?? []);
    const rowHeight = (cells: string[], font: FontName) => {
      this.font(font, size);
      return (
        Math.max(
          ...cells.map((cell, index) =>
            this.height(cell, (widths[index] ?? 0) - 2 * padding, { lineGap: 0 }),
          ),
        ) +
        2 * padding
      );
    };
    const draw = (cells: string[], font: FontName, header: boolean) => {
      const height = rowHeight(cells, font);
      if (doc.y + height > this.bottom - this.reserve) {
        doc.addPage();
        if (!header) draw(headers, 'bold', true);
      }
      const y = doc.y;
      let x = this.left;
      cells.forEach((cell, index) => {
        const width = widths[index] ?? 0;
        doc.rect(x, y, width, height).lineWidth(0.5).stroke();
        this.font(font, size).text(cell, x + padding, y + padding, width - 2 * padding, {
          align: header ? 'center' : (block.columns[index]?.align ?? 'left'),
          lineGap: 0,
        });
        x += width;
      });
      doc.x = this.left;
      doc.y = y + height;
    };
    const headers = block.columns.map((column) => column.header);
    // the header row never stands alone at the foot of a page
    this.ensure(rowHeight(headers, 'bold') + rowHeight(block.rows[0] ?? headers, 'regular'));
    draw(headers, 'bold', true);
    block.rows.forEach((row, index) => {
      draw(row, bold.has(index) ? 'bold' : 'regular', false);
    });
    doc.y += 8;
  }

  signerHeight(signer: SignerBlock, width: number): number {
    let height = 0;
    if (signer.dateLine) height += this.font('italic', sizes.body).height(signer.dateLine, width) + 2;
    this.font('bold', sizes.signer);
    if (signer.authority) height += this.height(`${signer.authority.kind} ${signer.authority.of}`, width);
    height += this.height(signer.position, width);
    if (signer.note) height += this.font('italic', 11).height(signer.note, width);
    // room for the signature and the seal, then the name
    return height + 70 + sizes.signerName * 1.4;
  }

  drawSigner(signer: SignerBlock, x: number, top: number, width: number): number {
    let y = top;
    if (signer.dateLine) {
      y = this.font('italic', sizes.body).text(signer.dateLine, x, y, width, { align: 'center' }) + 2;
    }
    this.font('bold', sizes.signer);
    if (signer.authority) {
      y = this.text(`${signer.authority.kind} ${signer.authority.of.toLocaleUpperCase('vi')}`, x, y, width, {
        align: 'center',
      });
    }
    y = this.text(signer.position.toLocaleUpperCase('vi'), x, y, width, { align: 'center' });
    if (signer.note) y = this.font('italic', 11).text(signer.note, x, y, width, { align: 'center' });
    y += 70;
    if (signer.name)
      y = this.font('bold', sizes.signerName).text(signer.name, x, y, width, { align: 'center' });
    else y += sizes.signerName * 1.4;
    return y;
  }

  signaturesHeight(blocks: SignerBlock[]): number {
    const width = this.width / Math.max(blocks.length, 2);
    return Math.max(...blocks.map((block) => this.signerHeight(block, width))) + 16;
  }

  signatures(blocks: SignerBlock[]): void {
    const { doc } = this;
    // one signer stands in the right half, as the signer of a document does
    const width = this.width / Math.max(blocks.length, 2);
    const offset = blocks.length === 1 ? width : 0;
    this.ensure(this.signaturesHeight(blocks));
    const top = doc.y + 8;
    let bottom = top;
    blocks.forEach((block, index) => {
      bottom = Math.max(bottom, this.drawSigner(block, this.left + offset + index * width, top, width));
    });
    doc.x = this.left;
    doc.y = bottom + 8;
  }

  closingHeight(document: OfficialDocument): number {
    const half = this.width / 2;
    let left = 0;
    if (document.recipients && document.recipients.length > 0) {
      left = this.font('boldItalic', sizes.recipientsLabel).height('Nơi nhận:', half);
      this.font('regular', sizes.recipients);
      for (const line of document.recipients) left += this.height(`- ${line}`, half - 8);
    }
    const right = document.signer ? this.signerHeight(document.signer, half) : 0;
    return Math.max(left, right) + 16;
  }

  /** Nơi nhận (ô số 9) at the left and the signer (ô số 7) at the right, side by side. */
  closing(document: OfficialDocument): void {
    const { doc } = this;
    if (!document.recipients?.length && !document.signer) return;
    const height = this.closingHeight(document);
    this.reserve = 0;
    this.ensure(height);
    const top = doc.y + 12;
    const half = this.width / 2;
    let leftY = top;
    if (document.recipients && document.recipients.length > 0) {
      leftY = this.font('boldItalic', sizes.recipientsLabel).text('Nơi nhận:', this.left, top, half);
      this.font('regular', sizes.recipients);
      for (const line of document.recipients) {
        leftY = this.text(`- ${line}`, this.left, leftY, half - 8, { lineGap: 0 });
      }
    }
    const rightY = document.signer ? this.drawSigner(document.signer, this.left + half, top, half) : top;
    doc.x = this.left;
    doc.y = Math.max(leftY, rightY) + 8;
  }

  annex(document: OfficialDocument, annex: NonNullable<OfficialDocument['annex']>): void {
    const { doc } = this;
    doc.addPage();
    annex.heading.forEach((line, index) => {
      this.font(index === 0 ? 'bold' : 'italic', index === 0 ? sizes.kind : sizes.body);
      doc.y = this.text(line, this.left, doc.y, this.width, { align: 'center' });
    });
    const kindName = (document.kind ?? 'văn bản').toLocaleLowerCase('vi');
    const reference =
      annex.reference ??
      `(Kèm theo ${kindName.charAt(0).toLocaleUpperCase('vi')}${kindName.slice(1)} số ${numberAndSymbol(document)} ${dateInWords(document.date, document.year)} của ${document.agency.name})`;
    doc.y = this.font('italic', sizes.body).text(reference, this.left, doc.y, this.width, {
      align: 'center',
    });
    doc.y += 12;
    for (const block of annex.blocks) this.block(block);
  }

  /** Page numbers from the second page, centred in the top margin (Phụ lục I, II.4.d). */
  pageNumbers(from: number, to: number): void {
    const { doc } = this;
    for (let index = from + 1; index < to; index += 1) {
      doc.switchToPage(index);
      const page = doc.page;
      const saved = page.margins.top;
      page.margins.top = 0;
      this.font('regular', sizes.pageNumber).text(String(index - from + 1), this.left, mm(10), this.width, {
        align: 'center',
      });
      page.margins.top = saved;
    }
  }

  /** The objects a PDF reader needs to find a signature: /Sig with a ByteRange and /Contents to fill. */
  signaturePlaceholder(placeholder: SignaturePlaceholder): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    doc.switchToPage(range.start + range.count - 1);
    // pdfkit's internals: ref() writes an indirect object; the root and page dictionaries are open
    const internal = doc as unknown as {
      ref(data: Record<string, unknown>): { end(): void };
      _root: { data: Record<string, unknown> };
      page: { dictionary: { data: Record<string, unknown> } };
    };
    const signature = internal.ref({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'ETSI.CAdES.detached',
      ByteRange: [0, byteRangePlaceholder, byteRangePlaceholder, byteRangePlaceholder],
      Contents: Buffer.from(String.fromCharCode(0).repeat(signatureLength)),
      Reason: new String(vi(placeholder.reason)),
      M: placeholder.signingTime,
      ContactInfo: new String(vi(placeholder.contactInfo ?? '')),
      Name: new String(vi(placeholder.name)),
      Location: new String(vi(placeholder.location)),
      Prop_Build: { Filter: { Name: 'Adobe.PPKLite' }, App: { Name: 'cadre-eval' } },
    });
    const widget = internal.ref({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      V: signature,
      T: new String('Signature1'),
      F: 4,
      P: internal.page.dictionary,
    });
    internal.page.dictionary.data.Annots = [widget];
    const form = internal.ref({ Type: 'AcroForm', SigFlags: 3, Fields: [widget] });
    internal._root.data.AcroForm = form;
    // pdfkit would finish the form as one of its own (fields with fonts); this one is complete
    (doc as unknown as { endAcroForm: () => Pdf }).endAcroForm = () => doc;
    signature.end();
    widget.end();
    form.end();
  }
}

/** Lays out one administrative document and returns the PDF bytes. */
export async function renderDocument(document: OfficialDocument): Promise<Buffer> {
  return renderDocuments([document]);
}

/**
 * Lays out documents one after another in one PDF (e.g. every rating form of a unit), each from a
 * new page with its own page numbers. A closing (Nơi nhận and signer) that would stand alone on a
 * new page is avoided: the body is laid out again keeping room for it, so its last lines go over.
 */
export async function renderDocuments(documents: OfficialDocument[]): Promise<Buffer> {
  const first = await renderPass(
    documents,
    documents.map(() => 0),
  );
  if (first.reserves.every((reserve) => reserve === 0)) return first.bytes;
  return (await renderPass(documents, first.reserves)).bytes;
}

async function renderPass(
  documents: OfficialDocument[],
  reserves: number[],
): Promise<{ bytes: Buffer; reserves: number[] }> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...margins },
    info: {
      Title: vi(documents[0]?.title ?? ''),
      Creator: 'cadre-eval',
      Producer: 'cadre-eval',
      CreationDate: documents[0]?.date ?? new Date(Date.UTC(2000, 0, 1)),
    },
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
  } as ConstructorParameters<typeof PDFDocument>[0]);
  for (const [name, file] of Object.entries(fonts)) doc.registerFont(name, file);
  const parts: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => parts.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
  });
  const layout = new Layout(doc);
  const needed: number[] = [];
  const starts: number[] = [];
  documents.forEach((document, documentIndex) => {
    if (documentIndex > 0) doc.addPage();
    starts.push(doc.bufferedPageRange().count - 1);
    layout.header(document);
    // signatures that end a record (minutes, lists) are its closing: kept with the lines before them
    const trailing = document.body.at(-1);
    const tail =
      trailing?.kind === 'signatures' && !document.signer && !document.recipients?.length ? trailing : null;
    const body = tail ? document.body.slice(0, -1) : document.body;
    const lastIndex = body.length - 1;
    body.forEach((block, index) => {
      if (index === lastIndex) layout.reserve = reserves[documentIndex] ?? 0;
      layout.block(block);
    });
    layout.reserve = 0;
    const closingHeight = tail ? layout.signaturesHeight(tail.blocks) : layout.closingHeight(document);
    const pagesBefore = doc.bufferedPageRange().count;
    const fits = doc.y + closingHeight <= layout.bottom;
    if (tail) layout.block(tail);
    else layout.closing(document);
    const alone = !fits && body.length > 0 && doc.bufferedPageRange().count > pagesBefore;
    needed.push(alone ? closingHeight : (reserves[documentIndex] ?? 0));
    if (document.annex) layout.annex(document, document.annex);
  });
  const total = doc.bufferedPageRange().count;
  starts.forEach((start, index) => {
    layout.pageNumbers(start, starts[index + 1] ?? total);
  });
  const signature = documents[documents.length - 1]?.signature;
  if (signature) layout.signaturePlaceholder(signature);
  doc.end();
  return { bytes: await done, reserves: needed };
}
