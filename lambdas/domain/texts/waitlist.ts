/** The waitlist for an earlier date (issue 21): MAJUKAN, MAJUKAN BATAL, the offer and its answer. */
import { formatDayDate, formatTime, type IsoDate } from '../calendar';

export const waitlistTexts = {
  joinWord: 'MAJUKAN',
  leaveWord: 'MAJUKAN BATAL',
  takeButton: 'Ambil',
  /** The confirmation's reply button (and its template's quick reply): the same as typing MAJUKAN. */
  joinButton: 'Majukan jadwal',
  joined: (queueNumber: string, date: IsoDate) =>
    `Nomor Antrian ${queueNumber} masuk daftar tunggu jadwal lebih awal. Jadwal Anda tetap ${formatDayDate(date)} sampai ada tempat kosong lebih awal; kami kirim tawaran lewat WhatsApp. Ketik MAJUKAN BATAL untuk keluar dari daftar tunggu.`,
  alreadyJoined: (queueNumber: string) => `Nomor Antrian ${queueNumber} sudah ada di daftar tunggu jadwal lebih awal. Ketik MAJUKAN BATAL untuk keluar.`,
  left: (queueNumber: string) => `Nomor Antrian ${queueNumber} keluar dari daftar tunggu. Jadwal Anda tidak berubah.`,
  notWaiting: 'Anda tidak ada di daftar tunggu jadwal lebih awal.',
  nothingToAdvance: 'Daftar tunggu jadwal lebih awal hanya untuk jadwal yang sudah dikonfirmasi petugas. Ketik STATUS untuk melihat status pendaftaran Anda.',
  /** STATUS: one line under the registration. */
  statusLine: 'Daftar tunggu jadwal lebih awal: ya (ketik MAJUKAN BATAL untuk keluar)',
  offer: (facts: { queueNumber: string; name: string; date: IsoDate; time: string; zone: string; current: IsoDate; until: string }) =>
    [
      '📅 *TAWARAN JADWAL LEBIH AWAL*',
      '',
      `Ada tempat kosong pada ${formatDayDate(facts.date)}, ${formatTime(facts.time, facts.zone)}.`,
      `Nomor Antrian: ${facts.queueNumber}`,
      `Nama: ${facts.name}`,
      `Jadwal Anda sekarang: ${formatDayDate(facts.current)}`,
      '',
      `Tekan *Ambil* untuk pindah ke tanggal itu. Tawaran berlaku sampai ${facts.until}; perubahan ini tidak mengurangi kesempatan ubah jadwal Anda.`,
    ].join('\n'),
  gone: (date: IsoDate) =>
    `Mohon maaf, tempat pada ${formatDayDate(date)} sudah diambil pemohon lain atau tawarannya sudah lewat. Anda tetap di daftar tunggu.`,
} as const;

export const WAITLIST_RECORDS = {
  joined: 'Pemohon masuk daftar tunggu jadwal lebih awal (MAJUKAN)',
  left: 'Pemohon keluar dari daftar tunggu (MAJUKAN BATAL)',
  offered: (date: string) => `Ditawari tempat kosong pada ${date}`,
  taken: (from: string, to: string) => `Pemohon mengambil tempat kosong: ${from} → ${to}`,
  passedOn: (date: string) => `Tawaran ${date} lewat 2 jam tanpa jawaban; diteruskan ke pemohon berikutnya`,
} as const;

export const WAITLIST_OFFICER_TEXTS = {
  historyJoined: 'Masuk daftar tunggu',
  historyLeft: 'Keluar dari daftar tunggu',
  historyOffered: 'Ditawari jadwal lebih awal',
  historyTaken: 'Mengambil jadwal lebih awal',
  historyPassedOn: 'Tawaran lewat, diteruskan',
  deliveryOffer: 'Tawaran jadwal lebih awal',
} as const;
