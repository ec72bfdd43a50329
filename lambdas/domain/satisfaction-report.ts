/**
 * The office's public-service satisfaction figure: the mean of the applicants' answers (1–5) for the
 * registrations served in a month, overall and per service. Pure: the caller reads the served registrations.
 */
import type { Registration } from './registration';
import { findService, type ServiceCatalogue, type ServiceId } from './services';

export interface SatisfactionFigure {
  readonly answers: number;
  /** The mean on the 1–5 scale (two decimals), `null` with no answers. */
  readonly satisfaction: number | null;
}

export interface MonthlySatisfaction extends SatisfactionFigure {
  /** `YYYY-MM`: the month of the appointments. */
  readonly month: string;
  readonly byService: readonly (SatisfactionFigure & { readonly serviceId: ServiceId; readonly service: string })[];
}

export function monthlySatisfaction(month: string, served: readonly Registration[], services: ServiceCatalogue): MonthlySatisfaction {
  const answered = served.filter((registration) => registration.appointmentDate?.startsWith(`${month}-`) && registration.satisfaction !== undefined);
  const figureOf = (registrations: readonly Registration[]): SatisfactionFigure => ({
    answers: registrations.length,
    satisfaction: mean(registrations.map((registration) => registration.satisfaction ?? 0)),
  });
  return {
    month,
    ...figureOf(answered),
    byService: services.map((service) => ({
      serviceId: service.id,
      service: findService(services, service.id)?.name ?? String(service.id),
      ...figureOf(answered.filter((registration) => registration.serviceId === service.id)),
    })),
  };
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100;
}
