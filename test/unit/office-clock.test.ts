/**
 * The rules of the office's real days read the office's own clock: a waitlist offer tells its times in the
 * office's zone, and the first bookable day is the office's own tomorrow (an office in WIT is two hours
 * ahead of Jakarta, so around midnight their dates differ).
 */
import { dayState } from '../../lambdas/domain/schedule';
import { bookable } from '../../lambdas/domain/rebooking';
import type { Registration } from '../../lambdas/domain/registration';
import { offerReply } from '../../lambdas/domain/waitlist';
import { testOffice } from '../support/office';

const jakarta = testOffice();
const jayapura = testOffice({ timezone: 'Asia/Jayapura' });

const waiting: Registration = {
  queueNumber: 'JYP-007',
  name: 'Yosina Wenda',
  placeOfBirth: 'Jayapura',
  dateOfBirth: '1991-04-02',
  nik: '9101014204910001',
  phone: '6281344440007',
  serviceId: 1,
  status: 'DIKONFIRMASI',
  createdAt: '2026-01-05T01:00:00Z',
  ownerKey: '6281344440007',
  draftId: 'd-7',
  documentsMode: 'web',
  flags: [],
  rescheduled: false,
  appointmentDate: '2026-02-10',
  appointmentTime: '09:30',
  waitlisted: true,
  // Offered at 22:15 WIT on Monday 19 January: it stands until 00:15 WIT on Tuesday (22:15 WIB on Monday).
  offer: { date: '2026-01-21', until: '2026-01-19T15:15:00Z' },
};

it("tells a waitlist offer's time and its last moment on the office's clock, with the office's zone", () => {
  const reply = offerReply(waiting, jayapura);
  expect(reply.type).toBe('buttons');
  const body = reply.type === 'buttons' ? reply.body : '';
  expect(body).toContain('Rabu, 21 Januari 2026, 09.30 WIT');
  expect(body).toContain('Tawaran berlaku sampai Selasa, 20 Januari 2026, 00.15 WIT;');
  expect(body).not.toContain('WIB');
  const inJakarta = offerReply(waiting, jakarta);
  expect(inJakarta.type === 'buttons' ? inJakarta.body : '').toContain('sampai Senin, 19 Januari 2026, 22.15 WIB;');
});

it("books from the office's own tomorrow: past midnight in WIT, Jakarta's tomorrow is already the office's today", () => {
  // 00:30 on Wednesday 21 January in Jayapura; still Tuesday 22:30 in Jakarta.
  const now = new Date('2026-01-20T15:30:00Z');
  const wednesday = dayState('2026-01-21', 0, undefined, jayapura, new Map());
  expect(bookable(wednesday, now, jakarta)).toBe(true);
  expect(bookable(wednesday, now, jayapura)).toBe(false);
  expect(bookable(dayState('2026-01-22', 0, undefined, jayapura, new Map()), now, jayapura)).toBe(true);
});
