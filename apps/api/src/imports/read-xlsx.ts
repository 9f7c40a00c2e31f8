import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { FileLimitError, type RawCell, type TableLimits, UnreadableFileError } from './read-table-types.ts';

// An .xlsx is a zip of XML parts. It is read here without loading the workbook: the zip's central
// directory first (declared sizes and ratios checked before anything is inflated), then the small
// parts whole (workbook, relationships, styles, shared strings), then the first sheet streamed
// through zlib and a SAX parser, a batch of rows at a time. Text is decoded by one streaming
// TextDecoder, so a multi-byte character cut by a chunk boundary stays whole ("Không", not
// "Kh��ng" as ExcelJS's streaming reader gave).

type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

const unreadable = () =>
  new UnreadableFileError('Không đọc được tệp Excel (.xlsx) / not a readable .xlsx file');

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The zip's central directory; every entry's declared sizes, nothing inflated. */
export function readZipDirectory(content: Buffer): ZipEntry[] {
  const minimum = Math.max(0, content.length - 65_557);
  let end = -1;
  for (let at = content.length - 22; at >= minimum; at -= 1) {
    if (content.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw unreadable();
  let count = content.readUInt16LE(end + 10);
  let offset = content.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    // zip64: the end-of-directory locator sits just before the classic record
    const locator = end - 20;
    if (locator < 0 || content.readUInt32LE(locator) !== 0x07064b50) throw unreadable();
    const record = Number(content.readBigUInt64LE(locator + 8));
    if (record + 56 > content.length || content.readUInt32LE(record) !== 0x06064b50) throw unreadable();
    count = Number(content.readBigUInt64LE(record + 32));
    offset = Number(content.readBigUInt64LE(record + 48));
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > content.length || content.readUInt32LE(at) !== 0x02014b50) throw unreadable();
    const nameLength = content.readUInt16LE(at + 28);
    const extraLength = content.readUInt16LE(at + 30);
    const commentLength = content.readUInt16LE(at + 32);
    let compressedSize = content.readUInt32LE(at + 20);
    let uncompressedSize = content.readUInt32LE(at + 24);
    let localHeaderOffset = content.readUInt32LE(at + 42);
    const name = content.toString('utf8', at + 46, at + 46 + nameLength);
    // zip64 extra field: the 64-bit values of the fields that hold 0xFFFFFFFF, in this order
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = content.readUInt16LE(extra);
      const size = content.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = Number(content.readBigUInt64LE(field));
          field += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(content.readBigUInt64LE(field));
          field += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(content.readBigUInt64LE(field));
      }
      extra += 4 + size;
    }
    entries.push({
      name,
      method: content.readUInt16LE(at + 10),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    at = extraEnd + commentLength;
  }
  return entries;
}

/**
 * Refuses a workbook whose parts would inflate past the limits, from the sizes the zip declares.
 * (The inflating itself stops at the declared size, so a zip that lies about them gains nothing.)
 */
export function checkZipLimits(entries: ZipEntry[], limits: TableLimits): void {
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) {
    throw new FileLimitError(
      `Tệp Excel khi giải nén quá lớn: ${mb(total)}, tối đa ${mb(limits.maxUncompressedBytes)} / the workbook unpacks to ${mb(total)}, above the limit of ${mb(limits.maxUncompressedBytes)}`,
    );
  }
  for (const entry of entries) {
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxCompressionRatio) {
      throw new FileLimitError(
        `Tệp Excel bị nén bất thường (phần "${entry.name}" nén ${Math.round(ratio)} lần, tối đa ${limits.maxCompressionRatio} lần); có thể là tệp độc hại / the workbook is compressed ${Math.round(ratio)}:1 in "${entry.name}", above the limit of ${limits.maxCompressionRatio}:1 (a zip bomb?)`,
      );
    }
  }
}

function entryData(content: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > content.length || content.readUInt32LE(at) !== 0x04034b50) throw unreadable();
  const start = at + 30 + content.readUInt16LE(at + 26) + content.readUInt16LE(at + 28);
  if (start + entry.compressedSize > content.length) throw unreadable();
  return content.subarray(start, start + entry.compressedSize);
}

const overDeclared = (entry: ZipEntry) =>
  new FileLimitError(
    `Tệp Excel khai sai kích thước phần "${entry.name}" / a part of the workbook unpacks beyond its declared size`,
  );

/** A small part, inflated whole (never beyond its declared size). */
function readEntryText(content: Buffer, entry: ZipEntry): string {
  const data = entryData(content, entry);
  if (entry.method === 0) return data.toString('utf8');
  if (entry.method !== 8) throw unreadable();
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) }).toString('utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw overDeclared(entry);
    throw unreadable();
  }
}

/** A large part, inflated in chunks (never beyond its declared size). */
async function* streamEntry(content: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const data = entryData(content, entry);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += 256 * 1024) yield data.subarray(at, at + 256 * 1024);
    return;
  }
  if (entry.method !== 8) throw unreadable();
  const inflater = createInflateRaw({ chunkSize: 128 * 1024 });
  inflater.end(data);
  let produced = 0;
  try {
    for await (const chunk of inflater) {
      produced += (chunk as Buffer).length;
      if (produced > entry.uncompressedSize) throw overDeclared(entry);
      yield chunk as Buffer;
    }
  } catch (error) {
    if (error instanceof FileLimitError) throw error;
    throw unreadable();
  } finally {
    inflater.destroy();
  }
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Parses a small XML part, calling back on every element opened and closed and on text. */
function parseXml(
  text: string,
  handlers: {
    open?: (name: string, attributes: Record<string, string>) => void;
    close?: (name: string) => void;
    text?: (text: string) => void;
  },
): void {
  const parser = createParser(handlers);
  try {
    parser.write(text).close();
  } catch {
    throw unreadable();
  }
}

function createParser(handlers: {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}): SaxesParser<{ xmlns: false; position: false }> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  const { open, close, text } = handlers;
  if (open) {
    parser.on('opentag', (tag: SaxesTagPlain) =>
      open(localName(tag.name), tag.attributes as Record<string, string>),
    );
  }
  if (close) parser.on('closetag', (tag: SaxesTagPlain) => close(localName(tag.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  return parser;
}

function findEntry(entries: ZipEntry[], name: string): ZipEntry | undefined {
  const wanted = name.toLowerCase();
  return entries.find((entry) => entry.name.replace(/^\//, '').toLowerCase() === wanted);
}

/** The path of the first sheet: workbook.xml's first <sheet>, through the workbook's relationships. */
function firstSheetPath(content: Buffer, entries: ZipEntry[]): { path: string; date1904: boolean } {
  const workbook = findEntry(entries, 'xl/workbook.xml');
  if (!workbook) throw unreadable();
  let relationId: string | null = null;
  let date1904 = false;
  parseXml(readEntryText(content, workbook), {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes.date1904 ?? '');
      if (name === 'sheet' && relationId === null) {
        const key = Object.keys(attributes).find((attribute) => /(^|:)id$/.test(attribute));
        relationId = key ? (attributes[key] ?? null) : null;
      }
    },
  });
  if (relationId === null) {
    throw new UnreadableFileError('Tệp Excel không có trang tính / the workbook has no sheet');
  }
  const relations = findEntry(entries, 'xl/_rels/workbook.xml.rels');
  let target: string | null = null;
  if (relations) {
    parseXml(readEntryText(content, relations), {
      open(name, attributes) {
        if (name === 'Relationship' && attributes.Id === relationId) target = attributes.Target ?? null;
      },
    });
  }
  if (target === null) throw unreadable();
  const resolved: string = (target as string).startsWith('/')
    ? (target as string).slice(1)
    : `xl/${target as string}`;
  const parts: string[] = [];
  for (const part of resolved.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return { path: parts.join('/'), date1904 };
}

function readSharedStrings(content: Buffer, entries: ZipEntry[]): string[] {
  const entry = findEntry(entries, 'xl/sharedStrings.xml');
  if (!entry) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  parseXml(readEntryText(content, entry), {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic += 1;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si') {
        strings.push((current ?? []).join(''));
        current = null;
      } else if (name === 'rPh') phonetic -= 1;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
  });
  return strings;
}

// number formats Excel builds in that show a date or time
const builtInDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** For each cell style (the `s` of a cell), whether it shows a date. */
function readDateStyles(content: Buffer, entries: ZipEntry[]): boolean[] {
  const entry = findEntry(entries, 'xl/styles.xml');
  if (!entry) return [];
  const customFormats = new Map<number, string>();
  const styles: boolean[] = [];
  const styleFormats: number[] = [];
  let inCellXfs = false;
  parseXml(readEntryText(content, entry), {
    open(name, attributes) {
      if (name === 'numFmt') customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styleFormats.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  for (const id of styleFormats) {
    const custom = customFormats.get(id);
    styles.push(custom === undefined ? builtInDateFormats.has(id) : isDateFormat(custom));
  }
  return styles;
}

function columnIndex(reference: string): number {
  let index = 0;
  for (let i = 0; i < reference.length; i += 1) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

const maxColumns = 16_384; // Excel's own limit (XFD)

function cleanText(text: string): RawCell {
  if (text.trim() === '') return null;
  // PostgreSQL text cannot hold U+0000: the replacement character, which conversion refuses
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
}

/**
 * The first sheet of a workbook, in batches of rows; the first row of the first batch is the header
 * (spreadsheet row 1), and row numbers are kept (a missing row comes as an empty one).
 */
export async function* readXlsxBatches(options: {
  content: Buffer;
  limits: TableLimits;
  batchSize: number;
}): AsyncGenerator<RawCell[][]> {
  const { content, limits, batchSize } = options;
  const entries = readZipDirectory(content);
  checkZipLimits(entries, limits);
  const sheetPath = firstSheetPath(content, entries);
  const sheet = findEntry(entries, sheetPath.path);
  if (!sheet) throw new UnreadableFileError('Tệp Excel không có trang tính / the workbook has no sheet');
  const strings = readSharedStrings(content, entries);
  const dateStyles = readDateStyles(content, entries);
  const epoch = sheetPath.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);

  const pending: RawCell[][] = [];
  let lastRow = 0;
  let row: RawCell[] | null = null;
  let column = 0;
  let cellType = 'n';
  let cellStyle = 0;
  let text: string[] = [];
  let capture = false;
  let phonetic = 0;
  let inlineString = false;

  const cellValue = (): RawCell => {
    const raw = text.join('');
    switch (cellType) {
      case 's':
        return cleanText(strings[Number(raw)] ?? '');
      case 'inlineStr':
      case 'str':
        return cleanText(raw);
      case 'b':
        return raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
      case 'e':
        return null;
      case 'd': {
        const date = new Date(raw);
        return Number.isNaN(date.getTime()) ? cleanText(raw) : date;
      }
      default: {
        if (raw.trim() === '') return null;
        const value = Number(raw);
        if (!Number.isFinite(value)) return cleanText(raw);
        return dateStyles[cellStyle] ? new Date(epoch + Math.round(value * 86_400_000)) : value;
      }
    }
  };

  const parser = createParser({
    open(name, attributes) {
      switch (name) {
        case 'row': {
          const number = attributes.r ? Number(attributes.r) : lastRow + 1;
          if (!Number.isInteger(number) || number <= lastRow) throw unreadable();
          if (number - 1 > limits.maxRows) throw rowLimitError(limits.maxRows);
          // keep spreadsheet row numbers: the rows in between come as empty rows
          for (let missing = lastRow + 1; missing < number; missing += 1) pending.push([]);
          lastRow = number;
          row = [];
          column = 0;
          break;
        }
        case 'c':
          column = attributes.r ? columnIndex(attributes.r) : column;
          if (column < 0 || column >= maxColumns) throw unreadable();
          cellType = attributes.t ?? 'n';
          cellStyle = Number(attributes.s ?? 0);
          text = [];
          break;
        case 'v':
          capture = true;
          break;
        case 'is':
          inlineString = true;
          break;
        case 'rPh':
          phonetic += 1;
          break;
        case 't':
          if (inlineString && phonetic === 0) capture = true;
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          capture = false;
          break;
        case 'is':
          inlineString = false;
          break;
        case 'rPh':
          phonetic -= 1;
          break;
        case 'c':
          if (row) {
            const value = cellValue();
            if (value !== null) {
              while (row.length < column) row.push(null);
              row[column] = value;
            }
          }
          column += 1;
          break;
        case 'row':
          if (row) pending.push(row);
          row = null;
          break;
      }
    },
    text(chunk) {
      if (capture) text.push(chunk);
    },
  });

  const decoder = new TextDecoder('utf-8');
  const feed = (chunk: string) => {
    try {
      parser.write(chunk);
    } catch (error) {
      if (error instanceof UnreadableFileError) throw error;
      throw unreadable();
    }
  };
  for await (const chunk of streamEntry(content, sheet)) {
    feed(decoder.decode(chunk, { stream: true }));
    while (pending.length >= batchSize) yield pending.splice(0, batchSize);
  }
  feed(decoder.decode());
  try {
    parser.close();
  } catch {
    throw unreadable();
  }
  while (pending.length > 0) yield pending.splice(0, batchSize);
}

/**
 * The data rows a workbook's first sheet says it holds (its <dimension>, written before the rows
 * by Excel and most libraries), read from the first inflated chunk only; null when the sheet does
 * not say. For progress: the rows themselves are what is counted and checked.
 */
export async function readXlsxDimensionRows(content: Buffer): Promise<number | null> {
  const entries = readZipDirectory(content);
  const sheet = findEntry(entries, firstSheetPath(content, entries).path);
  if (!sheet) return null;
  let head = '';
  for await (const chunk of streamEntry(content, sheet)) {
    head += chunk.toString('utf8');
    if (head.length >= 4096 || head.includes('<sheetData')) break;
  }
  const sheetData = head.indexOf('<sheetData');
  const match = /<(?:\w+:)?dimension\s+ref="[A-Z]+(\d+)(?::[A-Z]+(\d+))?"/.exec(
    sheetData >= 0 ? head.slice(0, sheetData) : head,
  );
  if (!match) return null;
  const lastRow = Number(match[2] ?? match[1]);
  return Number.isInteger(lastRow) && lastRow > 1 ? lastRow - 1 : null;
}

export function rowLimitError(maxRows: number): FileLimitError {
  return new FileLimitError(
    `Tệp có quá ${maxRows.toLocaleString('vi-VN')} dòng dữ liệu; hãy chia thành nhiều tệp / the file has more than ${maxRows.toLocaleString('en')} data rows; split it into several files`,
  );
}
