/** One complete PDF proof (stage 5 confirmation, signed QR code), rendered warm: median time and size. */
import { loadOfficeProfile } from '../lambdas/config';
import { signProofCode } from '../lambdas/domain/proof-code';
import { renderProofPdf, type ProofInput } from '../lambdas/domain/proof-pdf';
import { median, now, percentile, progress, round } from './stats';

export interface PdfFigures {
  readonly pdfMs: number;
  readonly pdfP95Ms: number;
  readonly pdfKb: number;
  readonly pdfRenders: number;
}

export async function benchPdf(options: { renders: number }): Promise<PdfFigures> {
  const office = loadOfficeProfile({});
  const input = (index: number): ProofInput => ({
    office,
    registration: {
      queueNumber: `KRC-${String(100 + index).padStart(3, '0')}`,
      name: 'Muhammad Rizky Pratama Siregar',
      nik: '1501011508900001',
      placeOfBirth: 'SUNGAI PENUH',
      dateOfBirth: '1990-08-15',
      phone: '6289617841945',
      serviceId: 1,
      status: 'DIKONFIRMASI',
    },
    appointment: { date: '2026-03-02', time: '09:15', note: 'Membawa paspor lama dan surat keterangan hilang dari kepolisian.' },
    code: signProofCode(
      { queueNumber: `KRC-${String(100 + index).padStart(3, '0')}`, appointmentDate: '2026-03-02' },
      { keyId: 'k2026', key: 'bench-proof-key-0123456789' },
    ),
    generatedAt: new Date('2026-02-20T03:04:05Z'),
  });
  for (let index = 0; index < 20; index += 1) await renderProofPdf(input(index));
  const times: number[] = [];
  let bytes = 0;
  for (let index = 0; index < options.renders; index += 1) {
    const started = now();
    const pdf = await renderProofPdf(input(index));
    times.push(now() - started);
    bytes = Math.max(bytes, pdf.length);
  }
  const figures = { pdfMs: round(median(times), 2), pdfP95Ms: round(percentile(times, 95), 2), pdfKb: round(bytes / 1024, 1), pdfRenders: options.renders };
  progress(`pdf: ${figures.pdfMs} ms median, ${figures.pdfKb} KB`);
  return figures;
}
