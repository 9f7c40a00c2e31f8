import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type BatchSnapshot,
  followImportBatch,
  headingKey,
  type ImportOutcome,
  jobPercent,
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

describe('an upload answered 202: the batch is queued, then followed until its job ends', () => {
  afterEach(() => vi.unstubAllGlobals());

  const queued: ImportOutcome = {
    batchId: 'B1',
    kind: 'TASKS',
    status: 'QUEUED',
    fileName: 'nhiem-vu.xlsx',
    totalRows: 0,
    validRows: 0,
    errorCount: 0,
    errors: [],
    errorReport: null,
  };
  const snapshot = (status: BatchSnapshot['status'], rows: number, more: Partial<BatchSnapshot> = {}) => ({
    status,
    totalRows: rows,
    validRows: rows,
    errorCount: 0,
    errorReportUrl: null,
    errors: [],
    ...more,
  });

  it('takes the 202 answer as the queued batch', async () => {
    class Accepting {
      upload = { onprogress: null };
      withCredentials = false;
      status = 202;
      responseText = JSON.stringify(queued);
      onload: (() => void) | null = null;
      open() {}
      setRequestHeader() {}
      send() {
        this.onload?.();
      }
    }
    vi.stubGlobal('XMLHttpRequest', Accepting);
    const file = new File(['a'], 'nhiem-vu.xlsx');
    const answer = await uploadImport({ kind: 'TASKS', cycleId: 'C1', file, onProgress: () => {} });
    expect(answer).toMatchObject({ batchId: 'B1', status: 'QUEUED' });
  });

  it('reads the batch until it is applied, showing the rows read on the way', async () => {
    const readings = [snapshot('QUEUED', 0), snapshot('VALIDATING', 2000), snapshot('APPLIED', 3500)];
    const seen: string[] = [];
    const outcome = await followImportBatch({
      queued,
      intervalMs: 1,
      readBatch: async (id) => {
        expect(id).toBe('B1');
        return readings.shift() ?? null;
      },
      onProgress: (batch) => seen.push(`${batch.status} ${batch.totalRows}`),
    });
    expect(seen).toEqual(['QUEUED 0', 'VALIDATING 2000', 'APPLIED 3500']);
    expect(outcome).toMatchObject({
      status: 'APPLIED',
      validRows: 3500,
      fileName: 'nhiem-vu.xlsx',
      errors: [],
    });
  });

  it('gives a failed batch’s row errors and both error reports, as the upload used to answer', async () => {
    const errors = [
      { row: 2, field: 'Hạn hoàn thành', value: '31/02/2026', message: 'không phải ngày hợp lệ' },
    ];
    let reads = 0;
    const outcome = await followImportBatch({
      queued,
      intervalMs: 1,
      readBatch: async () => {
        reads += 1;
        // a failed reading (the network) is tried again at the next tick
        if (reads === 1) throw new Error('offline');
        return snapshot('FAILED', 5, { errorCount: 1, errors, errorReportUrl: '/api/import/B1/errors.xlsx' });
      },
      onProgress: () => {},
    });
    expect(outcome).toMatchObject({
      status: 'FAILED',
      errorCount: 1,
      errors,
      errorReport: { xlsx: '/api/import/B1/errors.xlsx', csv: '/api/import/B1/errors.csv' },
    });
  });

  it('tells how far the job is from the rows read of those the file holds, never 100 before the end', () => {
    expect(jobPercent(snapshot('QUEUED', 0))).toBeNull();
    expect(jobPercent(snapshot('VALIDATING', 500))).toBeNull();
    expect(jobPercent(snapshot('VALIDATING', 500, { expectedRows: 2000 }))).toBe(25);
    expect(jobPercent(snapshot('VALIDATING', 2000, { expectedRows: 2000 }))).toBe(99);
    expect(jobPercent(snapshot('FAILED', 3, { expectedRows: 2000 }))).toBe(100);
  });

  it('stops following when the page is left', async () => {
    const controller = new AbortController();
    const following = followImportBatch({
      queued,
      intervalMs: 5,
      signal: controller.signal,
      readBatch: async () => snapshot('VALIDATING', 10),
      onProgress: () => controller.abort(),
    });
    await expect(following).rejects.toThrow(/left/);
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
