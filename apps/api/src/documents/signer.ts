import { createHash } from 'node:crypto';
import forge from 'node-forge';

// The signing seam. A `Signer` turns the bytes a PDF signature covers into a detached CMS
// SignedData; where the private key lives is its own business. The PKCS#12 signer below keeps the
// key in a file; a hardware token of the government CA (USB token, PKCS#11) implements the same
// type by sending the digest of the signed attributes to the token (docs/signing.md).

export type SignerIdentity = {
  /** the certificate holder's name (CN) */
  name: string;
  subject: string;
  issuer: string;
  /** a certificate made for the demo, of no legal value */
  demo: boolean;
};

export type Signer = {
  identity(): SignerIdentity;
  /** a detached CMS SignedData (DER) over `content`, with the signing time as a signed attribute */
  signCms(content: Buffer, signingTime: Date): Promise<Buffer>;
};

const oids = {
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  keyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
} as const;

export function describeName(attributes: forge.pki.CertificateField[]): string {
  return attributes
    .map(
      (attribute) => `${attribute.shortName ?? attribute.name ?? attribute.type}=${String(attribute.value)}`,
    )
    .join(', ');
}

/** Text that forge keeps as UTF-8 bytes in "binary" strings, back as a JavaScript string. */
export function decodeForgeText(value: unknown): string {
  const text = String(value ?? '');
  try {
    return forge.util.decodeUtf8(text);
  } catch {
    return text;
  }
}

export function identityOf(certificate: forge.pki.Certificate): SignerIdentity {
  const cn = certificate.subject.getField('CN') as forge.pki.CertificateField | null;
  const name = decodeForgeText(cn?.value);
  const subject = decodeForgeText(describeName(certificate.subject.attributes));
  return {
    name,
    subject,
    issuer: decodeForgeText(describeName(certificate.issuer.attributes)),
    demo: /\bDEMO\b/.test(subject),
  };
}

/**
 * The ESS signing-certificate-v2 attribute (RFC 5035), which PAdES baseline signatures carry: it
 * binds the signature to the signer's certificate by its SHA-256 hash.
 */
function signingCertificateV2(certificate: forge.pki.Certificate): forge.asn1.Asn1 {
  const { asn1 } = forge;
  const der = asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  const hash = createHash('sha256').update(Buffer.from(der, 'binary')).digest('binary');
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(
      asn1.Class.UNIVERSAL,
      asn1.Type.OID,
      false,
      asn1.oidToDer(oids.signingCertificateV2).getBytes(),
    ),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
        // certs: SEQUENCE OF ESSCertIDv2 { certHash } (hashAlgorithm defaults to SHA-256)
        asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
          asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
            asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, hash),
          ]),
        ]),
      ]),
    ]),
  ]);
}

/** A signer whose certificate and key come from a PKCS#12 (.p12/.pfx) file. */
export function createP12Signer(p12: Buffer, passphrase: string): Signer {
  let bag: forge.pkcs12.Pkcs12Pfx;
  try {
    bag = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, passphrase);
  } catch {
    throw new Error(
      'Tệp chứng thư số PKCS#12 hỏng hoặc sai mật khẩu / unreadable PKCS#12 file or wrong passphrase',
    );
  }
  const keyBag = bag.getBags({ bagType: oids.keyBag })[oids.keyBag]?.[0];
  const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  const certificates = (bag.getBags({ bagType: oids.certBag })[oids.certBag] ?? [])
    .map((entry: forge.pkcs12.Bag) => entry.cert)
    .filter((cert): cert is forge.pki.Certificate => cert !== undefined && cert !== null);
  if (!key) throw new Error('Tệp PKCS#12 không có khóa bí mật / the PKCS#12 file has no private key');
  const own = certificates.find((cert: forge.pki.Certificate) => {
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n.compareTo(key.n) === 0 && publicKey.e.compareTo(key.e) === 0;
  });
  if (!own) throw new Error('Không có chứng thư khớp khóa bí mật / no certificate matches the private key');
  return {
    identity: () => identityOf(own),
    async signCms(content, signingTime) {
      const p7 = forge.pkcs7.createSignedData();
      p7.content = forge.util.createBuffer(content.toString('binary'));
      for (const certificate of certificates) p7.addCertificate(certificate);
      p7.addSigner({
        key,
        certificate: own,
        digestAlgorithm: oids.sha256,
        authenticatedAttributes: [
          { type: oids.contentType, value: oids.data },
          { type: oids.signingTime, value: signingTime as unknown as string },
          { type: oids.messageDigest },
        ],
      });
      p7.sign({ detached: true });
      // forge writes only the three attributes it knows: add signing-certificate-v2 and sign the
      // attributes again
      const internal = p7 as unknown as {
        signers: { authenticatedAttributesAsn1: forge.asn1.Asn1 }[];
        signerInfos: forge.asn1.Asn1[];
      };
      const signed = internal.signers[0]?.authenticatedAttributesAsn1;
      const info = internal.signerInfos[0];
      if (!signed || !info || !Array.isArray(signed.value) || !Array.isArray(info.value)) {
        throw new Error('CMS signer info missing');
      }
      signed.value.push(signingCertificateV2(own));
      const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, signed.value);
      const md = forge.md.sha256.create();
      md.update(forge.asn1.toDer(set).getBytes());
      const signature = key.sign(md, 'RSASSA-PKCS1-V1_5');
      const digestField = info.value[5] as forge.asn1.Asn1 | undefined;
      if (!digestField) throw new Error('CMS signature field missing');
      digestField.value = signature;
      return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
    },
  };
}
