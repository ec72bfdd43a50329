/**
 * The registration as a WhatsApp Flow (Meta's in-chat form, `flows/registration.json`): the names the
 * bot, the script that publishes it and the webhook share. The Flow's field names are the contract's
 * (docs/contract.md): its reply carries `nama`, `tempat_lahir`, `tanggal_lahir`, `nik`, `nomor_hp`.
 */
import type { FormField } from './registration-form';

/** The Flow's name on the WhatsApp Business Account; messages open it by name, so no id is configured. */
export const REGISTRATION_FLOW_NAME = 'si_bapao_pendaftaran';

/** The screen the message opens, which is also the one whose footer completes the Flow. */
export const REGISTRATION_FLOW_SCREEN = 'DATA_PEMOHON';

/** The Flow reply's payload names, per form field. */
export const FLOW_PAYLOAD_NAMES: Readonly<Record<FormField, string>> = {
  name: 'nama',
  placeOfBirth: 'tempat_lahir',
  dateOfBirth: 'tanggal_lahir',
  nik: 'nik',
  phone: 'nomor_hp',
};
