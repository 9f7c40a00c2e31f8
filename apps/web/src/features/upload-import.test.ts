import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  headingKey,
  readCsvHeadings,
  readSampleHeadings,
  suggestMapping,
  type TemplateColumn,
  templateUrl,
  uploadImport,
} from './upload-import.ts';

describe('import templates', () => {
  it('names each kind the way the API routes them', () => {
    expect(templateUrl('CITIZEN_VOTES')).toBe('/api/import/templates/citizen-votes.xlsx');
    expect(templateUrl('TASKS', 'csv')).toBe('/api/import/templates/tasks.csv');
    expect(templateUrl('ONE_STOP_STATS', 'csv')).toBe('/api/import/templates/one-stop-stats.csv');
  });
});

describe('uploading a file', () => {
  const opened: string[] = [];
  class RecordingRequest {
    upload = { onprogress: null };
    withCredentials = false;
    open(_method: string, url: string) {
      opened.push(url);
    }
    setRequestHeader() {}
    send() {}
  }
  afterEach(() => {
    opened.length = 0;
    vi.unstubAllGlobals();
  });

  it('asks the API to apply the chosen source’s mapping, and nothing when no source is chosen', () => {
    vi.stubGlobal('XMLHttpRequest', RecordingRequest);
    const file = new File(['a'], 'igate.csv', { type: 'text/csv' });
    const common = { kind: 'ONE_STOP_STATS' as const, cycleId: 'C1', file, onProgress: () => {} };
    void uploadImport({ ...common, source: 'iGate' });
    void uploadImport({ ...common, source: null });
    expect(opened).toEqual([
      '/api/import?kind=ONE_STOP_STATS&cycleId=C1&source=iGate',
      '/api/import?kind=ONE_STOP_STATS&cycleId=C1',
    ]);
  });
});

describe('reading a sample’s headings', () => {
  it('reads the first row with the delimiter Excel used, quotes and a byte-order mark', () => {
    expect(readCsvHeadings('\uFEFFMã CB;"Kỳ; quý";Tổng tiếp nhận\r\nHA1;3;20\r\n')).toEqual([
      'Mã CB',
      'Kỳ; quý',
      'Tổng tiếp nhận',
    ]);
    expect(readCsvHeadings('"Số ""hồ sơ""", Trễ hạn ,,\nx,y')).toEqual(['Số "hồ sơ"', 'Trễ hạn']);
  });

  it('reads a .csv sample and refuses other kinds of file by name', async () => {
    const csv = new File(['Cán bộ xử lý,Kỳ báo cáo\n1,2'], 'igate.csv', { type: 'text/csv' });
    expect(await readSampleHeadings(csv)).toEqual(['Cán bộ xử lý', 'Kỳ báo cáo']);
    await expect(readSampleHeadings(new File(['x'], 'notes.txt'))).rejects.toThrow('unsupported');
  });
});

describe('matching a source’s headings to the template', () => {
  const columns: TemplateColumn[] = [
    { key: 'personCode', header: 'Mã cán bộ', required: false },
    { key: 'period', header: 'Kỳ', required: true },
    { key: 'received', header: 'Số hồ sơ tiếp nhận', required: true },
    { key: 'late', header: 'Quá hạn', required: false },
    { key: 'early', header: 'Trước hạn', required: false },
  ];

  it('compares names without diacritics, case or punctuation', () => {
    expect(headingKey('  SỐ HỒ SƠ – tiếp nhận ')).toBe('so ho so tiep nhan');
    expect(headingKey('Đúng hạn')).toBe('dung han');
  });

  it('pre-fills the equal heading first, then the only one that contains the template’s words', () => {
    const suggested = suggestMapping(columns, [
      'STT',
      'Mã cán bộ xử lý',
      'KY',
      'so ho so tiep nhan',
      'Hồ sơ quá hạn (bản)',
      'Trước hạn',
      'Trước hạn (bản giấy)',
    ]);
    expect(suggested).toEqual({
      personCode: 'Mã cán bộ xử lý',
      period: 'KY',
      received: 'so ho so tiep nhan',
      late: 'Hồ sơ quá hạn (bản)',
      early: 'Trước hạn',
    });
  });

  it('leaves a column empty when nothing or more than one heading could be it', () => {
    expect(suggestMapping(columns, ['Quá hạn giải quyết', 'Quá hạn trả kết quả', 'Ghi chú'])).toEqual({});
  });
});

/** A workbook as a zip of deflated XML parts, the way spreadsheet programs write one. */
function workbook(parts: Record<string, string>): ArrayBuffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, xml] of Object.entries(parts)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = deflateRawSync(Buffer.from(xml, 'utf8'));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(Buffer.byteLength(xml), 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(Buffer.byteLength(xml), 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const zip = Buffer.concat([...locals, directory, end]);
  return zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer;
}

describe('reading an .xlsx sample’s headings', () => {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rels = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

  it('reads the first sheet’s first row, shared, rich and inline strings alike', async () => {
    const content = workbook({
      'xl/workbook.xml': `<workbook ${ns} ${rels}><sheets><sheet name="iGate" sheetId="1" r:id="rId3"/><sheet name="Khác" sheetId="2" r:id="rId4"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels':
        '<Relationships><Relationship Id="rId4" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Target="worksheets/sheet2.xml"/></Relationships>',
      'xl/sharedStrings.xml': `<sst ${ns}><si><t>Cán bộ xử lý</t></si><si><r><t>Kỳ </t></r><r><rPr><b/></rPr><t>báo cáo</t></r><rPh><t>x</t></rPh></si><si><t>Tiếp nhận &amp; trả</t></si></sst>`,
      'xl/worksheets/sheet1.xml': `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Sai trang</t></is></c></row></sheetData></worksheet>`,
      'xl/worksheets/sheet2.xml': `<worksheet ${ns}><sheetData><row r="1"><c r="A1"/></row><row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="D2" t="inlineStr"><is><t>Trễ hạn</t></is></c><c r="E2" t="s"><v>2</v></c><c r="F2"><v>2026</v></c></row><row r="3"><c r="A3" t="s"><v>0</v></c></row></sheetData></worksheet>`,
    });
    const file = new File([content], 'igate.xlsx');
    expect(await readSampleHeadings(file)).toEqual([
      'Cán bộ xử lý',
      'Kỳ báo cáo',
      'Trễ hạn',
      'Tiếp nhận & trả',
      '2026',
    ]);
  });

  it('calls a file that is not a workbook unreadable', async () => {
    await expect(readSampleHeadings(new File(['Mã,Kỳ'], 'renamed.xlsx'))).rejects.toThrow();
  });
});
