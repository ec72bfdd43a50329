/**
 * The service catalogue's words: each requirement's names and the five BAP services of the office's flow
 * (menu number, names, requirements). A new service is one more entry here (or on the office profile).
 */
import type { Requirement, RequirementId, ServiceCatalogue } from '../services';

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

const IDENTITY: readonly RequirementId[] = ['ktp', 'kk', 'akta'];

/** The five BAP services of the office's flow, in menu order. */
export const DEFAULT_SERVICES: ServiceCatalogue = [
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

/** The menu numbers of the office's services as the texts write them: "1–5", "1–5, 7" (6 is the reschedule), "1, 2". */
export function serviceNumbers(services: ServiceCatalogue): string {
  const ids = [...new Set(services.map((service) => service.id))].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const id of ids) {
    const run = runs.at(-1);
    if (run && run.at(-1) === id - 1) run.push(id);
    else runs.push([id]);
  }
  return runs.map((run) => (run.length > 2 ? `${run[0]}–${run.at(-1)}` : run.join(', '))).join(', ');
}
