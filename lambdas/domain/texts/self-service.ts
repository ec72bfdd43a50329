/** Stage 6 refusals, BATAL and STATUS: the applicant's own requests. */
import type { RegistrationStatus } from '../registration';
import { RESCHEDULE_MENU_NUMBER } from './menu-numbers';
import { REBOOKING_STATUS_MEANING } from './rebooking';
import { waitlistTexts } from './waitlist';

export const selfServiceTexts = {
  /** Stage 6 refusals, BATAL and STATUS: the applicant's own requests. */
  selfService: {
    rescheduleFormat: 'Format perubahan jadwal belum sesuai. Ketik: Ubah jadwal: nama/DD-MM-YYYY\ncontoh:\nUbah jadwal: SIPULAN/31-12-2025',
    rescheduleNoMatch: (name: string, confirmed: readonly string[]) =>
      [
        `Tidak ada pendaftaran berstatus DIKONFIRMASI atas nama ${name} dari nomor WhatsApp ini.`,
        ...(confirmed.length > 0
          ? ['', 'Pendaftaran terkonfirmasi Anda:', ...confirmed.map((line) => `- ${line}`), '', 'Tulis nama persis seperti saat mendaftar.']
          : ['Perubahan jadwal hanya untuk pendaftaran yang jadwalnya sudah dikonfirmasi petugas. Ketik STATUS untuk melihat status pendaftaran Anda.']),
      ].join('\n'),
    rescheduleAlreadyUsed: (queueNumber: string) =>
      `Perubahan jadwal untuk Nomor Antrian ${queueNumber} sudah pernah digunakan. Perubahan jadwal hanya diberikan 1x kesempatan.`,
    rescheduleAlreadyRequested: (queueNumber: string, date: string) =>
      `Permintaan perubahan jadwal untuk Nomor Antrian ${queueNumber} ke ${date} sudah diterima. Petugas akan segera menelpon Anda.`,
    rescheduleOutside: (confirmed: string, latest: string) =>
      `Tanggal baru harus setelah jadwal Anda (${confirmed}) dan paling lambat ${latest} (1 bulan kalender), pada hari kerja Senin–Jumat yang bukan hari libur.`,
    rescheduleTooSoon: (earliest: string, latest: string) => `Tanggal baru paling cepat besok. Pilih tanggal dari ${earliest} sampai ${latest}.`,
    rescheduleClosed: (date: string, reason: string, earliest: string, latest: string) =>
      `${date} bukan hari layanan (${reason}). Pilih hari kerja Senin–Jumat yang bukan hari libur, dari ${earliest} sampai ${latest}.`,
    noOpenRegistration: 'Tidak ada pendaftaran aktif dari nomor WhatsApp ini. Ketik MENU untuk mendaftar.',
    /** The reschedule number with no appointment to move. */
    noConfirmedAppointment:
      'Belum ada jadwal kedatangan yang dikonfirmasi petugas untuk nomor WhatsApp ini, jadi belum ada jadwal yang bisa diubah. Perubahan jadwal dapat diajukan setelah jadwal Anda dikonfirmasi. Ketik STATUS untuk melihat status pendaftaran Anda.',
    chooseToCancel: (lines: readonly string[]) =>
      [
        'Pendaftaran aktif Anda:',
        ...lines.map((line) => `- ${line}`),
        '',
        'Ketik nomor antrian yang ingin dibatalkan (mis. KRC-002), atau MENU untuk kembali.',
      ].join('\n'),
    confirmCancel: (queueNumber: string, name: string) =>
      `Batalkan pendaftaran Nomor Antrian ${queueNumber} atas nama ${name}? Ketik YA untuk membatalkan, atau TIDAK untuk kembali.`,
    cancelled: (queueNumber: string, name: string) =>
      `Pendaftaran Nomor Antrian ${queueNumber} atas nama ${name} telah dibatalkan. Untuk mendaftar kembali, ketik MENU.`,
    cancelKept: (queueNumber: string) => `Baik, pendaftaran Nomor Antrian ${queueNumber} tidak dibatalkan.`,
    /** A registration in one line (BATAL's choice, HAPUS DATA's refusal, a reschedule without a match). */
    registrationLine: (queueNumber: string, name: string, status: string, date?: string) => `${queueNumber} ${name} (${status}${date ? `, ${date}` : ''})`,
    /** One registration in the STATUS answer. */
    statusBlock(fields: {
      queueNumber: string;
      name: string;
      service: string;
      status: RegistrationStatus;
      appointment?: string;
      requestedDate?: string;
      note?: string;
      waitlisted?: boolean;
    }): string {
      const meaning = selfServiceTexts.selfService.statusMeaning[fields.status];
      return [
        `📄 ${fields.queueNumber} — ${fields.name}`,
        `Layanan: ${fields.service}`,
        `Status: ${meaning.meaning}`,
        ...(fields.appointment ? [`Jadwal: ${fields.appointment}`] : []),
        ...(fields.requestedDate ? [`Permintaan jadwal baru: ${fields.requestedDate}`] : []),
        ...(fields.note ? [selfServiceTexts.selfService.statusNote(fields.note)] : []),
        ...(fields.waitlisted ? [waitlistTexts.statusLine] : []),
        selfServiceTexts.selfService.statusNext(meaning.next),
        '',
      ].join('\n');
    },
    status: (lines: readonly string[]) => ['Status pendaftaran Anda:', '', ...lines].join('\n'),
    /** STATUS: what each status means for the applicant, and what to do next. */
    statusMeaning: {
      PENDING: {
        meaning: 'Menunggu pemeriksaan berkas oleh petugas ⏸️',
        next: 'Tidak perlu melakukan apa-apa. Jadwal kedatangan akan dikirim via WhatsApp dalam 1x24 jam; jangan datang sebelum jadwal dikonfirmasi.',
      },
      PERLU_PERBAIKAN: {
        meaning: 'Berkas perlu diperbaiki 📝',
        next: 'Unggah ulang berkas yang diminta melalui link pada pesan *BERKAS PERLU DIPERBAIKI*, lalu ketik SELESAI.',
      },
      DIKONFIRMASI: {
        meaning: 'Jadwal kedatangan sudah dikonfirmasi ✅',
        next: `Datang sesuai jadwal, 15 menit lebih awal, dengan print PDF bukti antrian dan dokumen asli. Untuk mengubah jadwal (1x kesempatan), ketik ${RESCHEDULE_MENU_NUMBER}.`,
      },
      PERUBAHAN_DIMINTA: {
        meaning: 'Permintaan perubahan jadwal menunggu persetujuan petugas ⏳',
        next: 'Petugas akan menelpon Anda. Jadwal baru dan PDF baru dikirim via WhatsApp setelah disetujui.',
      },
      DIBATALKAN: { meaning: 'Pendaftaran dibatalkan ❌', next: 'Untuk mendaftar lagi, ketik MENU.' },
      SELESAI: { meaning: 'Pemeriksaan BAP sudah selesai ✔️', next: 'Tidak ada yang perlu dilakukan lagi. Terima kasih.' },
      TIDAK_HADIR: { meaning: 'Tidak hadir pada jadwal kedatangan', next: 'Untuk mendaftar lagi, ketik MENU.' },
      DILAYANI: { meaning: 'Sedang dilayani di loket 🔔', next: 'Silakan menuju loket yang disebut pada pesan "Giliran Anda".' },
      PERLU_JADWAL_ULANG: REBOOKING_STATUS_MEANING,
    } as const satisfies Record<RegistrationStatus, { meaning: string; next: string }>,
    statusNote: (note: string) => `Catatan petugas: ${note}`,
    statusNext: (next: string) => `👉 Langkah berikutnya: ${next}`,
    noRegistrations: 'Belum ada pendaftaran dari nomor WhatsApp ini. Ketik MENU untuk mendaftar.',
    comingThanks: (queueNumber: string) =>
      `Terima kasih, kedatangan Anda untuk Nomor Antrian ${queueNumber} kami tunggu sesuai jadwal. Bawa bukti PDF dan dokumen asli, datang 15 menit sebelum jadwal.`,
  },
} as const;
