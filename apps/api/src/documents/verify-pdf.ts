import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { identityOf } from './signer.ts';

// Verifies the last signature of an uploaded PDF: the digest of the bytes it covers against the
// signed messageDigest, the signature over the signed attributes against the signer's
// certificate, and whether bytes were added after the signed range (a later change).

export type SignatureCheck = {
  signed: boolean;
  /** the signed bytes are unchanged and the signature matches the certificate */
  valid: boolean;
  /** nothing was added to the file after the signed range */
  coversWholeFile: boolean;
  signerName: string | null;
  subject: string | null;
  issuer: string | null;
  /** a certificate made for the demo (its names say DEMO) */
  demo: boolean;
  signedAt: Date | null;
  reason: string | null;
  /** what is wrong, in Vietnamese and English; empty when valid and complete */
  problems: string[];
};

const empty = (problem: string): SignatureCheck => ({
  signed: false,
  valid: false,
  coversWholeFile: false,
  signerName: null,
  subject: null,
  issuer: null,
  demo: false,
  signedAt: null,
  reason: null,
  problems: [problem],
});

function pdfString(dictionary: string, key: string): string | null {
  const match = new RegExp(`/${key}\\s*\\(((?:\\\\.|[^\\\\)])*)\\)`).exec(dictionary);
  if (!match?.[1]) return null;
  const raw = match[1].replace(/\\([()\\])/g, '$1');
  // pdfkit writes text strings as UTF-16BE with a byte order mark when they are not ASCII
  const bytes = Buffer.from(raw, 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return raw;
}

export function verifySignedPdf(pdf: Buffer): SignatureCheck {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return empty('Không phải tệp PDF / not a PDF file');
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges.at(-1);
  if (!last) return empty('Tệp không có chữ ký số / the file has no digital signature');
  const [a, b, c, d] = [last[1], last[2], last[3], last[4]].map(Number) as [number, number, number, number];
  if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length) {
    return { ...empty('Vùng ký (ByteRange) không hợp lệ / invalid ByteRange'), signed: true };
  }
  const dictionaryStart = text.lastIndexOf('<<', last.index);
  const dictionary = text.slice(dictionaryStart, c + 2000);
  const hex = text.slice(b + 1, c - 1).replace(/0+$/, '');
  const problems: string[] = [];
  let message: forge.pkcs7.PkcsSignedData & { rawCapture?: Record<string, unknown> };
  try {
    const der = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('binary');
    message = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(der, false)) as typeof message;
  } catch {
    return { ...empty('Không đọc được chữ ký (CMS) / unreadable CMS signature'), signed: true };
  }
  const capture = message.rawCapture ?? {};
  const attributes = (capture.authenticatedAttributes ?? []) as forge.asn1.Asn1[];
  const signature = capture.signature as string | undefined;
  const certificates = message.certificates ?? [];
  const covered = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const digest = createHash('sha256').update(covered).digest('binary');

  let signedDigest: string | null = null;
  let signedAt: Date | null = null;
  for (const attribute of attributes) {
    const [type, values] = attribute.value as forge.asn1.Asn1[];
    const oid = forge.asn1.derToOid(type?.value as string);
    const first = (values?.value as forge.asn1.Asn1[] | undefined)?.[0];
    if (oid === forge.pki.oids.messageDigest) signedDigest = first?.value as string;
    if (oid === forge.pki.oids.signingTime && first) {
      signedAt =
        first.type === forge.asn1.Type.UTCTIME
          ? forge.asn1.utcTimeToDate(first.value as string)
          : forge.asn1.generalizedTimeToDate(first.value as string);
    }
  }
  const digestMatches = signedDigest !== null && signedDigest === digest;
  if (!digestMatches) {
    problems.push('Nội dung đã bị thay đổi sau khi ký / the signed content was changed after signing');
  }
  // the signature is over the DER of the attributes as a SET (the [0] tag replaced by SET)
  const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attributes);
  const attributesDigest = forge.md.sha256
    .create()
    .update(forge.asn1.toDer(set).getBytes())
    .digest()
    .getBytes();
  const signerCertificate =
    certificates.find((certificate) => {
      try {
        return (certificate.publicKey as forge.pki.rsa.PublicKey).verify(attributesDigest, signature ?? '');
      } catch {
        return false;
      }
    }) ?? null;
  if (!signerCertificate) {
    problems.push('Chữ ký không khớp chứng thư số / the signature does not match the certificate');
  }
  const coversWholeFile = c + d === pdf.length;
  if (!coversWholeFile) {
    problems.push('Tệp có thêm dữ liệu sau khi ký / the file was added to after signing');
  }
  const identity = signerCertificate
    ? identityOf(signerCertificate)
    : certificates[0]
      ? identityOf(certificates[0])
      : null;
  if (identity?.demo)
    problems.push('Chứng thư số DEMO, không có giá trị pháp lý / DEMO certificate of no legal value');
  return {
    signed: true,
    valid: digestMatches && signerCertificate !== null,
    coversWholeFile,
    signerName: identity?.name ?? pdfString(dictionary, 'Name'),
    subject: identity?.subject ?? null,
    issuer: identity?.issuer ?? null,
    demo: identity?.demo ?? false,
    signedAt,
    reason: pdfString(dictionary, 'Reason'),
    problems,
  };
}
