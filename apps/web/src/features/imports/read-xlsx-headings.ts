// The heading row of an .xlsx sample, read in the browser without a spreadsheet library: a
// workbook is a zip of XML parts, and the headings need only the first sheet's first row and the
// shared strings it points at.

const decoder = new TextDecoder();

type ZipEntry = { method: number; size: number; offset: number };

function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-central-directory record: the last 22 bytes, unless a comment follows it
  let end = -1;
  for (let index = bytes.length - 22; index >= Math.max(0, bytes.length - 22 - 65_535); index--) {
    if (view.getUint32(index, true) === 0x06054b50) {
      end = index;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, ZipEntry>();
  for (let index = 0; index < count; index++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('broken zip');
    const nameLength = view.getUint16(at + 28, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      method: view.getUint16(at + 10, true),
      size: view.getUint32(at + 20, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

async function readPart(bytes: Uint8Array, entries: Map<string, ZipEntry>, name: string) {
  const entry = entries.get(name);
  if (!entry) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(entry.offset, true) !== 0x04034b50) throw new Error('broken zip');
  const start =
    entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  const data = bytes.slice(start, start + entry.size);
  if (entry.method === 0) return decoder.decode(data);
  if (entry.method !== 8) throw new Error('unsupported compression');
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    const lower = entity.toLowerCase();
    if (lower in named) return named[lower] ?? whole;
    const code = lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number(lower.slice(1));
    return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
  });
}

/** The text of a rich or plain string item: its runs' <t>, without the phonetic hints. */
function itemText(xml: string): string {
  const withoutPhonetics = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let text = '';
  for (const match of withoutPhonetics.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g))
    text += match[1] ?? '';
  return decodeXml(text);
}

/** The path of the workbook's first sheet, from the workbook and its relationships. */
async function firstSheetPath(bytes: Uint8Array, entries: Map<string, ZipEntry>): Promise<string> {
  const fallback = 'xl/worksheets/sheet1.xml';
  const workbook = await readPart(bytes, entries, 'xl/workbook.xml');
  const rels = await readPart(bytes, entries, 'xl/_rels/workbook.xml.rels');
  const sheet = workbook?.match(/<(?:\w+:)?sheet\b[^>]*>/)?.[0];
  const id = sheet?.match(/\br:id="([^"]+)"/)?.[1] ?? sheet?.match(/:id="([^"]+)"/)?.[1];
  if (!id || !rels) return fallback;
  const relation = [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)]
    .map((match) => match[0])
    .find((tag) => tag.includes(`Id="${id}"`));
  const target = relation?.match(/\bTarget="([^"]+)"/)?.[1];
  if (!target) return fallback;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** The headings of the first non-empty row of the workbook's first sheet. */
export async function readXlsxHeadings(content: ArrayBuffer): Promise<string[]> {
  const bytes = new Uint8Array(content);
  const entries = zipEntries(bytes);
  const sheet = await readPart(bytes, entries, await firstSheetPath(bytes, entries));
  if (sheet === null) throw new Error('no sheet');
  const sharedXml = (await readPart(bytes, entries, 'xl/sharedStrings.xml')) ?? '';
  const shared = [...sharedXml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>/g)].map((match) =>
    itemText(match[1] ?? ''),
  );
  for (const row of sheet.matchAll(/<(?:\w+:)?row\b[^>]*>([\s\S]*?)<\/(?:\w+:)?row>/g)) {
    const headings: string[] = [];
    const cells = (row[1] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g);
    for (const cell of cells) {
      const type = (cell[1] ?? '').match(/\bt="(\w+)"/)?.[1];
      const inner = cell[2] ?? '';
      const value = inner.match(/<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/)?.[1];
      const text =
        type === 's'
          ? (shared[Number(value)] ?? '')
          : type === 'inlineStr'
            ? itemText(inner)
            : decodeXml(value ?? '');
      if (text.trim()) headings.push(text.trim());
    }
    if (headings.length > 0) return headings;
  }
  return [];
}
