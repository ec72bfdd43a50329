/** The office's own service catalogue (`OFFICE_SERVICES`) is checked at start, naming what is wrong. */
import { loadOfficeProfile } from '../../lambdas/config';
import { DEFAULT_SERVICES, serviceIdIn } from '../../lambdas/domain/services';

const sixth = {
  id: 7,
  menuName: 'BAP Paspur Rusak Karena Bencana',
  name: 'BAP Paspor Rusak Karena Bencana',
  listTitle: 'Rusak karena bencana',
  requirements: ['ktp'],
};
const load = (services: unknown) => () => loadOfficeProfile({ OFFICE_SERVICES: typeof services === 'string' ? services : JSON.stringify(services) });

it('takes the five BAP services by default, and the office’s own catalogue when given', () => {
  expect(loadOfficeProfile({}).services).toEqual(DEFAULT_SERVICES);
  expect(load([...DEFAULT_SERVICES, sixth])().services.map((service) => service.id)).toEqual([1, 2, 3, 4, 5, 7]);
});

it.each([
  ['the reschedule’s number 6', [{ ...sixth, id: 6 }], /services\.0\.id: is a self-service menu number/],
  ['a menu number twice', [sixth, sixth], /services: menu numbers must be unique/],
  ['an unknown kind of document', [{ ...sixth, requirements: ['ktp', 'sim'] }], /services\.0\.requirements\.1/],
  ['a list title over Meta’s 24 characters', [{ ...sixth, listTitle: 'Paspor rusak karena bencana alam' }], /services\.0\.listTitle/],
  ['no service at all', [], /services: /],
  ['text that is not JSON', 'BAP Paspor', /OFFICE_SERVICES is not JSON/],
])('refuses %s', (_what, services, message) => {
  expect(load(services)).toThrow(message);
});

it('validates a service number against the catalogue it belongs to', () => {
  expect(serviceIdIn(DEFAULT_SERVICES).safeParse(5).success).toBe(true);
  expect(serviceIdIn(DEFAULT_SERVICES).safeParse(7).success).toBe(false);
  expect(serviceIdIn([...DEFAULT_SERVICES, { ...sixth, requirements: ['ktp'] }]).safeParse(7).success).toBe(true);
  expect(serviceIdIn(DEFAULT_SERVICES).safeParse(1.5).success).toBe(false);
});
