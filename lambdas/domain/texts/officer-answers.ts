/** Answers to officers on the admin page when a rule stops an action. */
import { REBOOKING_OFFICER_TEXTS } from './rebooking';
import { WAITLIST_OFFICER_TEXTS } from './waitlist';

export const officerAnswerTexts = {
  /** Answers to officers on the admin page when a rule stops an action (422) or the status does (409). */
  officer: {
    changedMeanwhile: 'Pendaftaran ini sedang diubah petugas lain. Muat ulang halaman lalu coba lagi.',
    /** The proof check's answers (verify page). */
    proofValid: 'Bukti SAH dan sesuai jadwal yang berlaku.',
    proofScheduleStale: 'Tanda tangan SAH, tetapi jadwal pada bukti ini sudah tidak berlaku (jadwal telah diubah atau dibatalkan).',
    proofForged: 'Bukti TIDAK SAH: kode tidak cocok dengan tanda tangan kantor (palsu atau diubah).',
    notAllowed: (action: string, status: string) => `Tindakan "${action}" tidak dapat dilakukan untuk pendaftaran berstatus ${status}.`,
    badTime: (from: string, to: string, step: number, zone: string) =>
      `Jam kedatangan harus antara ${from} dan ${to} ${zone}, setiap ${step} menit (misalnya ${from}).`,
    badNote: (max: number) => `Catatan harus satu baris dan paling banyak ${max} karakter.`,
    datePast: (earliest: string) => `Tanggal kedatangan paling cepat ${earliest} (besok).`,
    dateClosed: (date: string, reason: string) => `Kantor tidak melayani pada ${date}: ${reason}. Pilih hari kerja lain.`,
    dayFull: (date: string, capacity: number) => `Kuota ${date} sudah penuh (${capacity} pemohon). Pilih tanggal lain.`,
    reasonRequired: 'Alasan pembatalan wajib diisi (paling banyak 500 karakter).',
    fixNoteRequired: 'Catatan perbaikan wajib diisi (paling banyak 500 karakter): jelaskan apa yang harus diperbaiki.',
    unknownRequirements: (ids: readonly string[]) => `Persyaratan tidak dikenal untuk layanan ini: ${ids.join(', ')}.`,
    completeTooEarly: (date: string) => `Pendaftaran baru dapat ditandai selesai atau tidak hadir pada atau setelah ${date}.`,
    badCapacity: (booked: number) => `Kuota harus bilangan bulat 0–1000 dan tidak kurang dari jumlah yang sudah terjadwal (${booked}).`,
    malformed: (problem: string) => `Data tidak valid: ${problem}`,
    notFound: (queueNumber: string) => `Nomor antrian ${queueNumber} tidak ditemukan.`,
    /** The reminder in the delivery list of a detail page (an officer's notices are named by their action's declaration). */
    deliveryKinds: {
      reminder: 'Pengingat H-1',
      'day-closed': REBOOKING_OFFICER_TEXTS.deliveryDayClosed,
      'waitlist-offer': WAITLIST_OFFICER_TEXTS.deliveryOffer,
      'daily-summary': 'Ringkasan harian untuk kepala kantor',
    } as Readonly<Record<string, string>>,
    conversationReply: 'Balasan percakapan',
    /** Why a reminder was held back, in the officers' list of failed sends. */
    messagingLimitReached: (limit: number) => `Batas ${limit} penerima per 24 jam dari WhatsApp sudah tercapai`,
  },
} as const;
