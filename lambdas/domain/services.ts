/**
 * The service catalogue: the one place a service is defined (its menu number, names and requirements). It
 * flows in on the office profile (`office.services`, the five BAP services by default), so the menu and its
 * list, stage 2, the upload page, the admin page and the PDF proof all show what the catalogue holds.
 */
import * as z from 'zod/mini';
import { REQUIREMENTS } from './texts/services';

export type RequirementId = 'ktp' | 'kk' | 'akta' | 'surat-kehilangan' | 'paspor-rusak' | 'paspor-lama' | 'dasar-perubahan';

export interface Requirement {
  readonly id: RequirementId;
  /** As the seed writes it in stage 2 (upper case). */
  readonly label: string;
  /** Short name for acknowledgements, upload fields and the admin page. */
  readonly shortName: string;
}

export { DEFAULT_SERVICES, REQUIREMENTS } from './texts/services';

/** A menu number; validated against the catalogue where it comes in (`serviceIdIn`). */
export type ServiceId = number;

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

export type ServiceCatalogue = readonly Service[];

export function findService(catalogue: ServiceCatalogue, id: number): Service | undefined {
  return catalogue.find((service) => service.id === id);
}

/** A service id that must be one of the catalogue's. */
export function serviceIdIn(catalogue: ServiceCatalogue) {
  return z.int().check(z.refine((id) => catalogue.some((service) => service.id === id), { message: 'not a service of the catalogue' }));
}

/**
 * A catalogue as an office may give it: menu numbers unique, positive and apart from the self-service
 * numbers (`reserved`, e.g. 6 for the reschedule), every requirement a known one, titles within Meta's limits.
 */
export function serviceCatalogueSchema(reserved: readonly number[]) {
  const requirementIds = Object.keys(REQUIREMENTS) as [RequirementId, ...RequirementId[]];
  return z
    .array(
      z.object({
        id: z.int().check(
          z.positive(),
          z.refine((id) => !reserved.includes(id), { message: 'is a self-service menu number' }),
        ),
        menuName: z.string().check(z.minLength(3), z.maxLength(72)),
        name: z.string().check(z.minLength(3)),
        listTitle: z.string().check(z.minLength(1), z.maxLength(24)),
        requirements: z.array(z.enum(requirementIds)).check(z.minLength(1)),
      }),
    )
    .check(
      z.minLength(1),
      z.refine((services) => new Set(services.map((service) => service.id)).size === services.length, { message: 'menu numbers must be unique' }),
    );
}

export function requirementsOf(service: Service): Requirement[] {
  return service.requirements.map((id) => REQUIREMENTS[id]);
}
