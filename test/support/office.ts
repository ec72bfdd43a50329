import type { OfficeProfile } from '../../lambdas/domain/office';
import officeDefaults from '../../config/office.json';
import { loadOfficeProfile } from '../../lambdas/config';

export function testOffice(overrides: Partial<OfficeProfile> = {}): OfficeProfile {
  return { ...loadOfficeProfile({}, officeDefaults), ...overrides };
}
