import { execFileSync } from 'node:child_process';

/** Whether poppler's pdftotext is installed (CI installs it) to read a PDF's text back. */
export function hasPdfToText(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
