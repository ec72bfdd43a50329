/** What counts as a document, and how a caption names the requirement it belongs to. */
import { REQUIREMENTS, type RequirementId, type Service } from './services';

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** How long an applicant's upload link works. */
export const UPLOAD_LINK_LIFETIME_MS = 5 * 24 * 60 * 60 * 1000;
/** A stored link with less than this left is replaced (same documents) rather than sent again. */
export const LINK_REUSE_MIN_REMAINING_MS = 24 * 60 * 60 * 1000;

export const ACCEPTED_DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

function baseType(mimeType: string): string {
  return (mimeType.split(';')[0] ?? '').trim().toLowerCase();
}

export function isAcceptedDocumentType(mimeType: string): boolean {
  return baseType(mimeType) in ACCEPTED_DOCUMENT_TYPES;
}

export function extensionOf(mimeType: string): string {
  return ACCEPTED_DOCUMENT_TYPES[baseType(mimeType)] ?? 'bin';
}

/** Most specific first: "paspor rusak" must not be taken for "paspor lama". */
const CAPTION_PATTERNS: readonly [RequirementId, RegExp][] = [
  ['surat-kehilangan', /kehilangan|kepolisian|polisi|polres|polsek/],
  ['paspor-rusak', /rusak/],
  ['dasar-perubahan', /penetapan|pengadilan|dasar perubahan|perubahan data/],
  ['akta', /akta|akte|ijazah|ijasah|buku nikah|nikah|baptis|perkawinan|kelahiran/],
  ['kk', /\bkk\b|kartu keluarga/],
  ['ktp', /\be?-?ktp\b|kartu tanda penduduk/],
  ['paspor-lama', /paspor|paspur/],
];

/** The requirement of this service a caption names, if any. */
export function requirementNamedBy(caption: string | undefined, service: Service): RequirementId | undefined {
  if (!caption) return undefined;
  const text = caption.toLowerCase();
  return CAPTION_PATTERNS.find(([id, pattern]) => service.requirements.includes(id) && pattern.test(text))?.[0];
}

export function requirementName(id: RequirementId): string {
  return REQUIREMENTS[id].shortName;
}

/** What a file really is, from its first bytes (never trust a name or a declared type). */
export function sniffDocumentType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'application/pdf' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'application/pdf';
  return undefined;
}
