/** The five BAP services and their requirements: one catalogue for the menu, stage 2 and the upload page. */

export type RequirementId = 'ktp' | 'kk' | 'akta' | 'surat-kehilangan' | 'paspor-rusak' | 'paspor-lama' | 'dasar-perubahan';

export interface Requirement {
  readonly id: RequirementId;
  /** As the seed writes it in stage 2 (upper case). */
  readonly label: string;
  /** Short name for acknowledgements, upload fields and the admin page. */
  readonly shortName: string;
}

export const REQUIREMENTS: Readonly<Record<RequirementId, Requirement>> = {
  ktp: { id: 'ktp', label: 'KTP', shortName: 'KTP' },
  kk: { id: 'kk', label: 'KK', shortName: 'KK' },
  akta: {
    id: 'akta',
    label: 'AKTA KELAHIRAN/IJAZAH (SD/SMP/SMA) / BUKU NIKAH / AKTA PERKAWINAN/SURAT BAPTIS',
    shortName: 'Akta kelahiran/ijazah/buku nikah/akta perkawinan/surat baptis',
  },
  'surat-kehilangan': {
    id: 'surat-kehilangan',
    label: 'SURAT KETERANGAN KEHILANGAN DARI KEPOLISIAN',
    shortName: 'Surat keterangan kehilangan dari kepolisian',
  },
  'paspor-rusak': { id: 'paspor-rusak', label: 'PASPOR YANG RUSAK', shortName: 'Paspor yang rusak' },
  'paspor-lama': { id: 'paspor-lama', label: 'PASPOR LAMA', shortName: 'Paspor lama' },
  'dasar-perubahan': {
    id: 'dasar-perubahan',
    label: 'DOKUMEN DASAR PERUBAHAN DATA (MIS. PENETAPAN PENGADILAN)',
    shortName: 'Dokumen dasar perubahan data',
  },
};

export type ServiceId = 1 | 2 | 3 | 4 | 5;

export interface Service {
  readonly id: ServiceId;
  /** The stage 1 menu line ("Paspur", as the seed writes the menu). */
  readonly menuName: string;
  /** The stage 2 name ("Paspor", as the seed writes stage 2). */
  readonly name: string;
  /** Row title of the interactive menu list (Meta allows 24 characters). */
  readonly listTitle: string;
  readonly requirements: readonly RequirementId[];
}

const IDENTITY: readonly RequirementId[] = ['ktp', 'kk', 'akta'];

export const SERVICES: readonly Service[] = [
  {
    id: 1,
    menuName: 'BAP Paspur Hilang',
    name: 'BAP Paspor Hilang',
    listTitle: 'Paspor Hilang',
    requirements: [...IDENTITY, 'surat-kehilangan'],
  },
  {
    id: 2,
    menuName: 'BAP Paspur Rusak',
    name: 'BAP Paspor Rusak',
    listTitle: 'Paspor Rusak',
    requirements: [...IDENTITY, 'paspor-rusak'],
  },
  {
    id: 3,
    menuName: 'BAP Perubahan Data Paspur',
    name: 'BAP Perubahan Data Paspor',
    listTitle: 'Perubahan Data',
    requirements: [...IDENTITY, 'paspor-lama', 'dasar-perubahan'],
  },
  {
    id: 4,
    menuName: 'BAP Paspur Hilang dan Perubahan Data',
    name: 'BAP Paspor Hilang dan Perubahan Data',
    listTitle: 'Hilang + Perubahan Data',
    requirements: [...IDENTITY, 'surat-kehilangan', 'dasar-perubahan'],
  },
  {
    id: 5,
    menuName: 'BAP Paspur Rusak dan Perubahan Data',
    name: 'BAP Paspor Rusak dan Perubahan Data',
    listTitle: 'Rusak + Perubahan Data',
    requirements: [...IDENTITY, 'paspor-rusak', 'dasar-perubahan'],
  },
];

export function findService(id: number): Service | undefined {
  return SERVICES.find((service) => service.id === id);
}

export function requirementsOf(service: Service): Requirement[] {
  return service.requirements.map((id) => REQUIREMENTS[id]);
}
