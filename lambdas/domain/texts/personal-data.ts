/** UU 27/2022: DATA SAYA and HAPUS DATA. */
import type { OfficeProfile } from '../office';

export const personalDataTexts = {
  /** UU 27/2022: the applicant's own access and erasure (docs/personal-data.md). */
  personalData: {
    held(lines: readonly string[]): string {
      return ['📋 *DATA ANDA DI SI BAPAO*', '', ...lines].join('\n');
    },
    heldWhatsapp: (number: string) => `Nomor WhatsApp: ${number}`,
    heldRegistration: (fields: {
      queueNumber: string;
      service: string;
      status: string;
      createdAt: string;
      name: string;
      birth: string;
      nikLastFour: string;
      phone: string;
      appointment?: string;
      documents: readonly string[];
    }) =>
      [
        `📄 ${fields.queueNumber} — ${fields.service}`,
        `Status: ${fields.status}`,
        `Didaftarkan: ${fields.createdAt}`,
        `Nama: ${fields.name}`,
        `Tempat/tanggal lahir: ${fields.birth}`,
        `NIK: ••••••••••••${fields.nikLastFour}`,
        `Nomor HP: ${fields.phone}`,
        ...(fields.appointment ? [`Jadwal: ${fields.appointment}`] : []),
        `Berkas: ${fields.documents.length > 0 ? fields.documents.join(', ') : 'tidak ada'}`,
        '',
      ].join('\n'),
    /** One open application's documents, a line of `heldDrafts`. */
    heldDraft: (serviceId: string, service: string, documents: readonly string[]) => `Layanan ${serviceId} ${service}: ${documents.join(', ')}`,
    heldDrafts: (lines: readonly string[]) => ['Berkas yang sedang diunggah (belum didaftarkan):', ...lines.map((line) => `- ${line}`), ''].join('\n'),
    heldNothing: 'Tidak ada pendaftaran atau berkas dari nomor WhatsApp ini.',
    heldFooter: (office: OfficeProfile) =>
      `Data disimpan sampai ${office.retentionDays} hari setelah pendaftaran selesai atau dibatalkan. Ketik HAPUS DATA untuk menghapus data Anda.`,
    eraseBlocked: (lines: readonly string[]) =>
      [
        'Pendaftaran berikut masih berjalan, sehingga datanya belum dapat dihapus:',
        ...lines.map((line) => `- ${line}`),
        '',
        'Ketik BATAL untuk membatalkan pendaftaran tersebut terlebih dahulu, lalu ketik HAPUS DATA lagi.',
      ].join('\n'),
    eraseAsk: (registrations: number) =>
      [
        '🗑️ *HAPUS DATA*',
        '',
        `Yang akan dihapus: ${registrations > 0 ? `${registrations} pendaftaran yang sudah selesai/dibatalkan beserta berkas dan PDF buktinya, ` : ''}berkas yang belum didaftarkan, dan percakapan Anda dengan SI BAPAO.`,
        ...(registrations > 0 ? ['Yang tetap tercatat hanya nomor antrian dan waktunya, tanpa data pribadi.'] : []),
        'Penghapusan tidak dapat dibatalkan.',
        '',
        'Ketuk *Ya, hapus* (atau ketik YA HAPUS) untuk menghapus, atau *Tidak* untuk kembali.',
      ].join('\n'),
    eraseConfirmTitle: 'Ya, hapus',
    eraseKeepTitle: 'Tidak',
    erased: (queueNumbers: readonly string[]) =>
      [
        '✅ Data Anda telah dihapus.',
        ...(queueNumbers.length > 0 ? [`Nomor antrian ${queueNumbers.join(', ')} tetap tercatat tanpa data pribadi.`] : []),
        'Ketik MENU bila ingin mendaftar lagi.',
      ].join('\n'),
    eraseKept: 'Baik, data Anda tidak dihapus. Ketik MENU untuk kembali ke menu.',
    eraseStillWaiting: 'Ketuk *Ya, hapus* atau ketik YA HAPUS untuk menghapus data Anda, atau ketik MENU untuk kembali.',
  },
} as const;
