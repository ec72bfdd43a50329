/** The office profile: everything that makes this deployment one office's service. */
export type UploadMode = 'web' | 'chat' | 'form';

export interface OfficeProfile {
  readonly officeName: string;
  readonly officeShortName: string;
  readonly address: string;
  readonly whatsappNumber: string;
  readonly queuePrefix: string;
  readonly arrivalHours: { readonly from: string; readonly to: string; readonly stepMinutes: number };
  readonly dayCapacity: number;
  readonly reminderHour: number;
  readonly uploadMode: UploadMode;
  readonly formUrl?: string;
  readonly retentionDays: number;
  readonly menuAsList: boolean;
}
