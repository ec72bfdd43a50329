/** Stages 5–8: the confirmed appointment, moving it, the new date and the day-before reminder. */
import { formatDateLong, formatDayDate, dayName, formatTime, type IsoDate } from '../calendar';
import type { OfficeProfile } from '../office';
import type { AppointmentFacts, RescheduleOption } from './facts';
import { PENTING_CONFIRMED, PENTING_RESCHEDULED } from './notices';

export const scheduleTexts = {
  /** Stage 5: the confirmation, sent with (or as the caption of) the PDF proof. */
  scheduleConfirmed(facts: AppointmentFacts): string {
    return [
      '✅ *Jadwal Antrian Dikonfirmasi*',
      `Nomor: ${facts.queueNumber}`,
      `Nama: ${facts.name}`,
      `Tanggal: ${formatDayDate(facts.date)}`,
      `Jam Kedatangan: ${formatTime(facts.time, facts.zone)}`,
      'Status: DIKONFIRMASI',
      '',
      ...(facts.note ? [`📌 Note: ${facts.note}`] : []),
      'Terima kasih!',
      '',
      ...PENTING_CONFIRMED,
    ].join('\n');
  },

  /**
   * Stage 6: the rules, then the applicant's own confirmed appointments with the dates each may move to,
   * and an example built from them (a name and a real date in the window), not a date in the past.
   */
  rescheduleRules(appointments: readonly RescheduleOption[], example: { readonly name: string; readonly date: IsoDate }): string {
    const dmy = example.date.split('-').reverse().join('-');
    return [
      'Anda memilih Layanan Perubahan Jadwal BAP Paspur, Berikut Ketentuan Perubahan Jadwal!!',
      '',
      '- Perubahan jadwal hanya diberikan 1x kesempatan',
      '- Pemilihan perubahan jadwal hanya berlaku setelah tanggal waktu kedatangan yang telah ditentukan',
      '- Perubahan jadwal diberikan dalam rentang waktu 1 bulan kalender',
      '',
      ...appointments.flatMap((appointment) => [
        `📅 Jadwal Anda: ${appointment.queueNumber} ${appointment.name}, ${formatDayDate(appointment.date)}, ${formatTime(appointment.time, appointment.zone)}`,
        `Tanggal baru yang bisa dipilih: ${formatDayDate(appointment.earliest)} sampai ${formatDayDate(appointment.latest)} (Senin–Jumat, bukan hari libur).`,
        '',
      ]),
      'Jika ingin diubah, ketik: Ubah jadwal: nama/tanggal',
      '',
      'contoh:',
      '',
      `${example.name}/${dmy}`,
    ].join('\n');
  },

  /** Stage 6: the request is taken, and it is a request: the officer decides and calls. */
  rescheduleRequested(date: IsoDate): string {
    return [
      `Permintaan perubahan jadwal ke ${formatDayDate(date)} sudah kami terima dan *menunggu persetujuan petugas*.`,
      'Petugas akan segera menelpon anda. Jadwal baru dan PDF bukti antrian yang baru dikirim via WhatsApp setelah disetujui. Terima Kasih 🙏🙏',
    ].join('\n');
  },

  /** Stage 7: the officer set the new date. */
  scheduleChanged(facts: AppointmentFacts & { readonly oldDate: IsoDate }, office: OfficeProfile): string {
    return [
      'PERUBAHAN JADWAL KEDATANGAN',
      '',
      `Halo ${facts.name},`,
      '',
      'Jadwal kedatangan Anda telah diperbarui oleh petugas:',
      '',
      `📄 Nomor Antrian: ${facts.queueNumber}`,
      '',
      `📅 Jadwal Lama: ${formatDayDate(facts.oldDate)}`,
      '',
      `📅 Jadwal Baru: ${formatDayDate(facts.date)}`,
      '',
      `🕒 Jam Kedatangan: ${formatTime(facts.time, facts.zone)}`,
      '',
      ...(facts.note ? [`📌 Note: ${facts.note}`, ''] : []),
      ...PENTING_RESCHEDULED,
      '',
      'Terima kasih atas perhatiannya!',
      '',
      `Si Bapao ${office.officeShortName}`,
    ].join('\n');
  },

  /** Stage 8: the day-before reminder. */
  reminder(facts: AppointmentFacts, office: OfficeProfile): string {
    return [
      '🔔 *PENGINGAT KEDATANGAN BESOK*',
      'DETAIL ANTRIAN ANDA:',
      ` Nomor Antrian: ${facts.queueNumber}`,
      ` Nama: ${facts.name}`,
      ` NIK: ${facts.nik}`,
      '',
      '📅 *JADWAL KEDATANGAN:*',
      ` Hari: ${dayName(facts.date)}`,
      ` Tanggal: ${formatDateLong(facts.date)}`,
      ` Waktu: ${formatTime(facts.time, facts.zone)}`,
      '',
      '📍 *LOKASI:*',
      ` ${office.officeName}`,
      ` ${office.address}`,
      '',
      '🕒 *REMINDER:*',
      ' Bawa semua dokumen yang diperlukan (ASLI & Fotocopy);',
      ' Datang 15 menit sebelum jadwal;',
      ' Tunjukkan Hasil print PDF yang telah diberikan petugas.',
      '',
      '☎️ *INFO & BANTUAN:*',
      ` WhatsApp: ${office.whatsappNumber}`,
      ' Terima kasih dan sampai bertemu besok! 🙏',
      '',
      `Pesan otomatis dari SIBAPAO ${office.officeShortName}`,
    ].join('\n');
  },
} as const;
