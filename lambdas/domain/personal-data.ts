/** How personal data may appear where it is not needed whole (logs): a NIK keeps only its last four digits. */
export function maskNik(nik: string): string {
  return `************${nik.slice(-4)}`;
}
