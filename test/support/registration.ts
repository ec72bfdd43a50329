/** A registration for unit tests of the domain: confirmed for a 09:00 arrival; each test names what it changes. */
import type { Registration } from '../../lambdas/domain/registration';

export function testRegistration(extra: Partial<Registration> = {}): Registration {
  return {
    queueNumber: 'KRC-002',
    name: 'Sipulan',
    placeOfBirth: 'Jakarta',
    dateOfBirth: '1990-08-15',
    nik: '3201231508900001',
    phone: '6289617841945',
    serviceId: 1,
    status: 'DIKONFIRMASI',
    appointmentTime: '09:00',
    createdAt: '2025-12-01T01:00:00Z',
    ownerKey: '6281',
    draftId: 'draft-1',
    documentsMode: 'web',
    flags: [],
    rescheduled: false,
    ...extra,
  };
}
