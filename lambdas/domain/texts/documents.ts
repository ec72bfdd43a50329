/** Stage 2 (the chosen service's requirements) and stage 3 (documents, in every upload mode). */
import { requirementsOf, type Service } from '../services';
import type { DocumentsHint } from './facts';
import { linkLines } from './links';

export const documentTexts = {
  /** Stage 2: the chosen service's requirements; the last line depends on the upload mode. */
  requirements(service: Service, hint: DocumentsHint): string {
    const lastLine =
      hint.mode === 'web'
        ? ['Jika persyaratan sudah lengkap, silakan upload pada link berikut:', ...linkLines(hint)].join('\n')
        : hint.mode === 'form'
          ? `Jika persyaratan sudah lengkap, silakan upload pada link berikut: <${hint.formUrl}>`
          : 'Jika persyaratan sudah lengkap, silakan kirim foto atau PDF setiap berkas di chat ini satu per satu.';
    return [
      `Anda memilih Layanan ${service.id} ${service.name}, Silahkan Isi Identitas anda dan Lengkapi persyaratan, sebagai berikut:`,
      '',
      ...requirementsOf(service).map((requirement) => `- ${requirement.label}`),
      '',
      lastLine,
    ].join('\n');
  },

  /** Stage 3: documents, in every mode. */
  documents: {
    /** `SELESAI` (or a DAFTAR line) while requirements have no document yet; web mode repeats the current link. */
    incomplete(missing: readonly string[], hint: Extract<DocumentsHint, { mode: 'web' | 'chat' }>): string {
      return [
        '*BERKAS ANDA BELUM LENGKAP*',
        '',
        'Berkas yang belum ada:',
        ...missing.map((name) => `- ${name}`),
        '',
        ...(hint.mode === 'web'
          ? ['Silakan lengkapi melalui link berikut, lalu ketik SELESAI:', ...linkLines(hint)]
          : ['Silakan kirim berkas tersebut di chat ini, lalu ketik SELESAI.']),
      ].join('\n');
    },
    /** The same service chosen again: its application goes on where it was. */
    continued(present: readonly string[], mode: 'web' | 'chat'): string {
      const where = mode === 'web' ? 'Link di atas sama dengan sebelumnya' : 'Lanjutkan mengirim berkas di chat ini';
      return present.length === 0
        ? `Anda melanjutkan permohonan yang sudah dimulai. ${where}; belum ada berkas yang tersimpan.`
        : [`Anda melanjutkan permohonan yang sudah dimulai. ${where}; berkas yang sudah tersimpan tetap ada:`, ...present.map((name) => `✅ ${name}`)].join(
            '\n',
          );
    },
    ask: (name: string) => `Silakan kirim *${name}* (foto atau PDF, paling besar 5 MB).`,
    received: (name: string, page: number) => `✅ *${name}* diterima (halaman ${page}).`,
    allReceived: 'Berkas anda sudah terupload/terekam silakan ketik SELESAI',
    addPage: (name: string) => `Silakan kirim halaman berikutnya untuk *${name}*.`,
    redo: (name: string) => `Berkas *${name}* dihapus. Silakan kirim ulang *${name}*.`,
    nothingYet: (name: string) => `Belum ada berkas yang dikirim. Silakan kirim *${name}* dulu.`,
    wrongType: (name: string) =>
      `Maaf, berkas ini tidak bisa diterima. Yang diterima hanya foto (JPEG/PNG) atau PDF, paling besar 5 MB per berkas. Silakan kirim ulang *${name}*.`,
    tooLarge: (name: string, megabytes: string) =>
      `Maaf, berkas ini terlalu besar (${megabytes} MB). Batasnya 5 MB per berkas: kirim foto biasa (bukan dokumen asli kamera) atau PDF yang lebih kecil. Silakan kirim ulang *${name}*.`,
    unavailable: (name: string) => `Maaf, berkas tidak dapat diambil dari WhatsApp. Silakan kirim ulang *${name}*.`,
    /** Form mode: the bot cannot see the form, so it takes the applicant's word. */
    formTrusted: 'Berkas Anda di formulir akan diperiksa petugas.',
  },
} as const;
