import Papa from 'papaparse';
import { type RawCell, type TableLimits, UnreadableFileError } from './read-table-types.ts';
import { rowLimitError } from './read-xlsx.ts';

/**
 * The delimiter the header row uses: Excel writes commas or, under a Vietnamese or European locale,
 * semicolons. Taken from the header alone because guessing over the whole file fails on the empty
 * line a file ends with.
 */
function headerDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const count = (delimiter: string) => header.split(delimiter).length - 1;
  return [';', '\t'].find((delimiter) => count(delimiter) > count(',')) ?? ',';
}

type ChunkedConfig = Papa.ParseConfig<string[]> & {
  chunkSize: number;
  chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser): void;
};

// Papa takes chunk callbacks for a string as well; its types declare them for files and streams only
const parseInChunks = Papa.parse as unknown as (input: string, config: ChunkedConfig) => void;

function cleanCell(cell: string): RawCell {
  if (cell.trim() === '') return null;
  // PostgreSQL text cannot hold U+0000: the replacement character, which conversion refuses
  return cell.includes('\u0000') ? cell.replaceAll('\u0000', '\uFFFD') : cell;
}

/**
 * A CSV file in batches of rows (the header first), parsed a chunk at a time: the parser pauses
 * after each chunk and resumes when the caller has taken its rows, and stops at the row limit.
 */
export async function* readCsvBatches(options: {
  content: Buffer;
  limits: TableLimits;
  batchSize: number;
}): AsyncGenerator<RawCell[][]> {
  const { limits, batchSize } = options;
  // Excel writes CSV with a byte-order mark
  const text = options.content.toString('utf8').replace(/^\uFEFF/, '');
  let pending: RawCell[][] = [];
  let rowNumber = 0;
  // set from the parser's callbacks (which TypeScript's flow analysis does not follow)
  let paused = null as Papa.Parser | null;
  let failure = null as Error | null;
  parseInChunks(text, {
    skipEmptyLines: false,
    delimiter: headerDelimiter(text),
    // chunks rather than steps: pausing after every few thousand steps made Papa re-slice the rest
    // of the text each time (≈ 25 ms a pause on a 10 MB file)
    chunkSize: 512 * 1024,
    chunk(results, parser) {
      const fatal = results.errors.find((error) => error.type === 'Quotes');
      if (fatal) {
        const row = rowNumber + (fatal.row ?? 0) + 1;
        failure = new UnreadableFileError(
          `Tệp CSV hỏng ở dòng ${row}: ${fatal.message} / broken CSV at row ${row}`,
        );
      } else if (rowNumber + results.data.length - 1 > limits.maxRows) {
        failure = rowLimitError(limits.maxRows);
      }
      if (failure) {
        parser.abort();
        return;
      }
      rowNumber += results.data.length;
      for (const row of results.data) pending.push(row.map(cleanCell));
      paused = parser;
      parser.pause();
    },
  });
  for (;;) {
    if (failure) throw failure;
    for (let at = 0; at < pending.length; at += batchSize) yield pending.slice(at, at + batchSize);
    pending = [];
    const parser: Papa.Parser | null = paused;
    if (!parser) break;
    paused = null;
    parser.resume();
  }
  if (failure) throw failure;
}
