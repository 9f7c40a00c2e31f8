import { SignPdf } from '@signpdf/signpdf';
import { Signer as SignPdfSigner } from '@signpdf/utils';
import type { Signer } from './signer.ts';

// Fills the signature placeholder that documents/layout.ts left in a PDF (/ByteRange and
// /Contents) with the CMS the signer returns, over every byte but the /Contents hole.

class SeamSigner extends SignPdfSigner {
  readonly signer: Signer;
  readonly signingTime: Date;
  constructor(signer: Signer, signingTime: Date) {
    super();
    this.signer = signer;
    this.signingTime = signingTime;
  }
  override async sign(content: Buffer): Promise<Buffer> {
    return this.signer.signCms(content, this.signingTime);
  }
}

export async function signPdf(pdf: Buffer, signer: Signer, signingTime: Date): Promise<Buffer> {
  return new SignPdf().sign(pdf, new SeamSigner(signer, signingTime));
}
