import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

// A demo certificate authority and a signer certificate issued by it, made at run time for the
// demo and the tests: every name says DEMO, and the files never leave the data folder. A real
// office signs with its certificate from the government CA (a .p12 file or a USB token).

export type DemoSigningFiles = { p12: Buffer; passphrase: string; caPem: string };

const demoPassphrase = 'demo';

function forgeKeys() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  ) as forge.pki.rsa.PrivateKey;
  return { key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

/** Makes the demo CA and a signer certificate valid for five years, bundled as PKCS#12. */
export function createDemoSigningFiles(
  options: { signerName?: string; organisation?: string; now?: Date } = {},
): DemoSigningFiles {
  const now = options.now ?? new Date();
  const until = new Date(now);
  until.setUTCFullYear(until.getUTCFullYear() + 5);
  const organisation = options.organisation ?? 'UBND tỉnh Hòa An (DEMO)';

  const ca = forgeKeys();
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = ca.publicKey;
  caCert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  caCert.validity.notBefore = now;
  caCert.validity.notAfter = until;
  const caName = [
    { name: 'commonName', value: 'DEMO CA cadre-eval - KHONG CO GIA TRI PHAP LY' },
    { name: 'organizationName', value: 'DEMO' },
    { name: 'countryName', value: 'VN' },
  ];
  caCert.setSubject(caName);
  caCert.setIssuer(caName);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  caCert.sign(ca.key, forge.md.sha256.create());

  const signer = forgeKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = signer.publicKey;
  cert.serialNumber = `02${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = now;
  cert.validity.notAfter = until;
  cert.setSubject([
    {
      name: 'commonName',
      value: `DEMO ${options.signerName ?? 'Người ký thử nghiệm'}`,
      valueTagClass: forge.asn1.Type.UTF8,
    },
    { name: 'organizationName', value: organisation, valueTagClass: forge.asn1.Type.UTF8 },
    { name: 'countryName', value: 'VN' },
  ] as forge.pki.CertificateField[]);
  cert.setIssuer(caName);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(ca.key, forge.md.sha256.create());

  const p12 = forge.pkcs12.toPkcs12Asn1(signer.key, [cert, caCert], demoPassphrase, {
    algorithm: '3des',
    friendlyName: 'DEMO signer',
  });
  return {
    p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'),
    passphrase: demoPassphrase,
    caPem: forge.pki.certificateToPem(caCert),
  };
}

/** The demo signer of a data folder: made on first use, then read back. */
export function loadDemoSigningFiles(dataDir: string): DemoSigningFiles {
  const folder = path.join(dataDir, 'demo-signing');
  const p12File = path.join(folder, 'DEMO-signer.p12');
  const caFile = path.join(folder, 'DEMO-ca.pem');
  if (existsSync(p12File) && existsSync(caFile)) {
    return { p12: readFileSync(p12File), passphrase: demoPassphrase, caPem: readFileSync(caFile, 'utf8') };
  }
  const files = createDemoSigningFiles();
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  writeFileSync(p12File, files.p12, { mode: 0o600 });
  writeFileSync(caFile, files.caPem);
  writeFileSync(
    path.join(folder, 'README.txt'),
    'DEMO: chứng thư số thử nghiệm, không có giá trị pháp lý. Demo certificate of no legal value.\n',
  );
  return files;
}
