/**
 * The menu number of each self-service command, named once: every text that tells the applicant to type it
 * ("6. Perubahan Jadwal", "ketik 6") interpolates it, and the conversation reads it.
 */
export const RESCHEDULE_MENU_NUMBER = 6;
