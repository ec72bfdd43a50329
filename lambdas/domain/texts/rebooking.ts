/** A closed day (issue 21): the applicant asked to choose another, the words of that choice, and officers' words. */
import { dayName, formatDayDate, formatTime, parseIsoDate, type IsoDate } from '../calendar';

/** `Senin, 14-12-2026`: short enough for a reply button (20 characters). */
export function shortDayDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${dayName(date)}, ${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`;
}

export const REBOOKING_STATUS_MEANING = {
  meaning: 'Hari kedatangan Anda ditutup kantor, perlu memilih tanggal baru 📅',
  next: 'Pilih tanggal baru pada pesan *JADWAL PERLU DIUBAH* dari kami, atau ketik TANGGAL LAIN.',
} as const;

export const rebookingTexts = {
  /** The one message after a closed day: the reason and the dates to choose from. */
  offer: (facts: { queueNumber: string; name: string; date: IsoDate; time: string; zone: string; reason: string; hasDates: boolean }) =>
    [
      '⚠️ *JADWAL PERLU DIUBAH*',
      '',
      `Mohon maaf, kantor tutup pada ${formatDayDate(facts.date)} (jadwal Anda ${formatTime(facts.time, facts.zone)}).`,
      `Alasan: ${facts.reason}`,
      '',
      `Nomor Antrian: ${facts.queueNumber}`,
      `Nama: ${facts.name}`,
      '',
      facts.hasDates
        ? 'Silakan pilih tanggal baru di bawah ini. Jam kedatangan tetap sama. Perubahan ini tidak mengurangi kesempatan ubah jadwal Anda.'
        : 'Silakan pilih tanggal lain. Perubahan ini tidak mengurangi kesempatan ubah jadwal Anda.',
    ].join('\n'),
  /** The same offer again, when the date chosen was taken or closed meanwhile. */
  unavailable: (date: IsoDate) => `Mohon maaf, ${formatDayDate(date)} tidak tersedia (penuh atau kantor tutup).`,
  listButton: 'Pilih tanggal',
  listSection: 'Tanggal tersedia',
  otherDate: 'Pilih tanggal lain',
  /** After "Pilih tanggal lain" (stage 6 style): the date typed. */
  askDate: 'Ketik tanggal kedatangan baru dengan format DD-MM-YYYY, contoh: 15-01-2027. Pilih hari kerja mulai besok.',
  badDate: 'Format tanggal belum benar. Ketik tanggal dengan format DD-MM-YYYY, contoh: 15-01-2027.',
  /** A tap on an old offer, after the registration already has its new date. */
  alreadyChosen: (queueNumber: string, date: IsoDate) =>
    `Nomor Antrian ${queueNumber} sudah dijadwalkan pada ${formatDayDate(date)}. Ketik STATUS untuk melihat jadwal Anda.`,
  nothingToRebook: 'Tidak ada jadwal yang perlu dipilih ulang dari nomor WhatsApp ini. Ketik STATUS untuk melihat status pendaftaran Anda.',
  /** Typed word for "Pilih tanggal lain". */
  otherDateWord: 'TANGGAL LAIN',
} as const;

/** What the history and the officers' pages say about a closed day's re-booking. */
export const REBOOKING_RECORDS = {
  dayClosed: (date: string, reason: string) => `Hari ${date} ditutup (${reason}); pemohon diminta memilih tanggal baru`,
  rebooked: (from: string, to: string) => `Pemohon memilih tanggal baru: ${from} → ${to}`,
} as const;

export const REBOOKING_OFFICER_TEXTS = {
  historyDayClosed: 'Hari ditutup: diminta pilih tanggal',
  historyRebooked: 'Memilih tanggal baru',
  deliveryDayClosed: 'Hari ditutup: pilihan tanggal',
  movedTitle: 'Dipindahkan karena hari ditutup',
  movedIntro: 'Pendaftaran yang terjadwal pada hari ini saat ditutup. Membuka kembali hari ini tidak memindahkan mereka kembali.',
  stateChosen: 'Sudah memilih',
  stateWaiting: 'Belum menjawab',
  stateOther: 'Lainnya',
  colNewDate: 'Tanggal baru',
  colState: 'Keadaan',
  callTitle: 'Hari ditutup: belum memilih tanggal > 24 jam (telepon)',
  callNobody: 'Tidak ada.',
} as const;
