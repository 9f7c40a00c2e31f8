import { execFileSync } from 'node:child_process';
import type { TestContext } from 'vitest';

export const pdfToTextMissing =
  "pdftotext not installed (apt-get install poppler-utils): the PDF's text was not read back";

let installed: boolean | undefined;

/**
 * Whether poppler's pdftotext is installed to read a PDF's text back. CI installs it, so there a
 * missing pdftotext throws: a check written as `if (hasPdfToText())` cannot pass by skipping.
 */
export function hasPdfToText(): boolean {
  if (installed === undefined) {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
      installed = true;
    } catch {
      installed = false;
    }
  }
  if (!installed && process.env.CI) throw new Error(`required in CI: ${pdfToTextMissing}`);
  return installed;
}

/** Skips the calling test, with the reason, when pdftotext is missing (and fails it in CI). */
export function skipWithoutPdfToText(context: TestContext): void {
  context.skip(!hasPdfToText(), pdfToTextMissing);
}

/** The text of a PDF as pdftotext reads it (`layout`: keep the columns where they are printed). */
export function readPdfText(pdf: Uint8Array, options: { layout?: boolean } = {}): string {
  return execFileSync('pdftotext', [...(options.layout ? ['-layout'] : []), '-', '-'], {
    input: pdf,
  }).toString('utf8');
}
