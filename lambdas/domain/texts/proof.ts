/**
 * The words of the PDF proof. The "PENTING" box comes from the chat's own block (notices.ts), without the
 * emoji the PDF's fonts lack.
 */
import { PROOF_NOTICE } from './notices';

export const PROOF_TEXTS = {
  documentTitle: (queueNumber: string) => `Bukti Antrian ${queueNumber}`,
  documentSubject: 'Bukti Antrian BAP Paspor',
  letterhead: (whatsappNumber: string) => `Si Bapao - Registrasi BAP Paspur Online  |  WhatsApp ${whatsappNumber}`,
  title: 'BUKTI ANTRIAN BAP PASPOR',
  rescheduledTitle: 'PERUBAHAN JADWAL KEDATANGAN',
  scanToVerify: 'Pindai untuk verifikasi',
  queueNumber: 'Nomor Antrian',
  service: 'Layanan',
  /** A service the catalogue no longer has: its number. */
  unknownService: (serviceId: number) => `Layanan ${serviceId}`,
  status: 'Status',
  applicantSection: 'DATA PEMOHON',
  name: 'Nama',
  nik: 'NIK',
  birth: 'Tempat/Tanggal Lahir',
  phone: 'Nomor HP',
  appointmentSection: 'JADWAL KEDATANGAN',
  oldDate: 'Jadwal Lama',
  newDate: 'Jadwal Baru',
  date: 'Hari/Tanggal Kedatangan',
  time: 'Jam Kedatangan',
  note: 'Catatan Petugas',
  notice: PROOF_NOTICE,
  printedAt: (when: string) => `Dicetak: ${when}`,
  footer: (officeShortName: string) => `Si Bapao ${officeShortName}`,
} as const;
