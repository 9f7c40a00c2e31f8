import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasPdfToText } from '../test-support/pdf-text.ts';
import { createDemoSigningFiles } from './demo-certificate.ts';
import { renderDocument } from './layout.ts';
import { signPdf } from './sign-pdf.ts';
import { createP12Signer } from './signer.ts';
import { sampleDocuments } from './test-samples.ts';
import { verifySignedPdf } from './verify-pdf.ts';

// A published decision signed with a PKCS#12 certificate (a demo CA made here): our verifier and
// poppler's pdfsig both find it valid, and both find it broken once one byte is changed.

const work = mkdtempSync(path.join(tmpdir(), 'cadre-sign-'));
const files = createDemoSigningFiles({ signerName: 'Đặng Thu Hà' });
const signer = createP12Signer(files.p12, files.passphrase);
const signingTime = new Date(Date.UTC(2026, 11, 2, 3, 15, 0));

async function signedDecision(): Promise<Buffer> {
  const decision = sampleDocuments()['title-decision'];
  if (!decision) throw new Error('sample missing');
  const pdf = await renderDocument({
    ...decision,
    signature: {
      reason: 'Ban hành Quyết định số 250/QĐ-UBND',
      name: signer.identity().name,
      location: 'Hòa An',
      signingTime,
    },
  });
  return signPdf(pdf, signer, signingTime);
}

function pdfsig(file: string): string {
  const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`;
}

describe('signing a decision', () => {
  it('is verified: signer, time, and the file unchanged', async () => {
    const signed = await signedDecision();
    const check = verifySignedPdf(signed);
    expect(check).toMatchObject({
      signed: true,
      valid: true,
      coversWholeFile: true,
      signerName: 'DEMO Đặng Thu Hà',
      demo: true,
      reason: 'Ban hành Quyết định số 250/QĐ-UBND',
    });
    expect(check.signedAt?.toISOString()).toBe('2026-12-02T03:15:00.000Z');
    expect(check.issuer).toContain('DEMO CA');
    // the only problem reported is that the certificate is a demo one
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatch(/DEMO/);
  });

  it('breaks when a byte of the signed content changes, or when something is appended', async () => {
    const signed = await signedDecision();
    const changed = Buffer.from(signed);
    const at = signed.indexOf('/Producer') + 12;
    changed[at] = (changed[at] ?? 0) ^ 0x01;
    const broken = verifySignedPdf(changed);
    expect(broken.valid).toBe(false);
    expect(broken.problems.join(' ')).toMatch(/thay đổi sau khi ký/);

    const appended = Buffer.concat([signed, Buffer.from('\n% a later change\n')]);
    const later = verifySignedPdf(appended);
    expect(later.valid).toBe(true);
    expect(later.coversWholeFile).toBe(false);
    expect(later.problems.join(' ')).toMatch(/thêm dữ liệu sau khi ký/);
  });

  it('reports an unsigned file and a file that is not a PDF', async () => {
    const plain = await renderDocument(sampleDocuments()['rating-decision'] as never);
    expect(verifySignedPdf(plain)).toMatchObject({ signed: false, valid: false });
    expect(verifySignedPdf(Buffer.from('hello')).problems[0]).toMatch(/Không phải tệp PDF/);
  });

  it.skipIf(!hasPdfToText())(
    'pdfsig reports the signature valid, and invalid after a byte is changed',
    async () => {
      const signed = await signedDecision();
      const good = path.join(work, 'signed.pdf');
      writeFileSync(good, signed);
      const report = pdfsig(good);
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('DEMO Đặng Thu Hà');
      expect(report).toMatch(/Signature Type: (ETSI\.CAdES\.detached|adbe\.pkcs7\.detached)/);
      expect(report).toContain('Total document signed');

      const changed = Buffer.from(signed);
      const at = signed.indexOf('/Producer') + 12;
      changed[at] = (changed[at] ?? 0) ^ 0x01;
      const bad = path.join(work, 'changed.pdf');
      writeFileSync(bad, changed);
      expect(pdfsig(bad)).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
      // the text is still the decision's
      expect(execFileSync('pdftotext', [good, '-'], { encoding: 'utf8' })).toContain('QUYẾT ĐỊNH');
    },
  );
});
