/** What officers' decisions tell the applicant, besides stages 5 and 7. */
import type { DocumentsHint } from './facts';
import { linkLines } from './links';

export const notificationTexts = {
  /** What officers' decisions tell the applicant, besides stages 5 and 7. */
  notifications: {
    fixRequested(queueNumber: string, name: string, note: string, documents: readonly string[], hint: DocumentsHint): string {
      const how =
        hint.mode === 'web'
          ? ['Silakan upload ulang berkas tersebut pada link berikut:', ...linkLines(hint), 'Lalu ketik SELESAI.'].join('\n')
          : hint.mode === 'form'
            ? `Silakan perbaiki berkas tersebut melalui formulir: <${hint.formUrl}>\nLalu ketik SELESAI.`
            : 'Silakan kirim ulang berkas tersebut (foto atau PDF) di chat ini satu per satu, lalu ketik SELESAI.';
      return [
        '📝 *BERKAS PERLU DIPERBAIKI*',
        '',
        `Nomor Antrian: ${queueNumber}`,
        `Nama: ${name}`,
        '',
        'Berkas yang perlu diperbaiki:',
        ...documents.map((document) => `- ${document}`),
        '',
        `📌 Note: ${note}`,
        '',
        how,
      ].join('\n');
    },
    fixReceived: (queueNumber: string) =>
      `Terima kasih, berkas perbaikan untuk Nomor Antrian ${queueNumber} sudah diterima. Status: PENDING (Menunggu konfirmasi Petugas) ⏸️`,
    cancelled: (queueNumber: string, name: string, reason: string) =>
      [
        '❌ *PENDAFTARAN DIBATALKAN*',
        '',
        `Nomor Antrian: ${queueNumber}`,
        `Nama: ${name}`,
        `Alasan: ${reason}`,
        '',
        'Untuk mendaftar kembali, ketik MENU.',
      ].join('\n'),
  },
} as const;
