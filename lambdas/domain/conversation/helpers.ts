/** Small pieces every stage uses: the service of a step, the applicant's registrations, a reply. */
import { type Registration } from '../registration';
import { type Reply } from '../replies';
import { findService, type RequirementId, type Service, type ServiceCatalogue, type ServiceId } from '../services';
import { type Conversation, type Decision, type DecisionContext } from './types';

export function serviceOf(step: { readonly serviceId: ServiceId }, services: ServiceCatalogue): Service {
  const service = findService(services, step.serviceId);
  if (!service) throw new Error(`unknown service ${step.serviceId}`);
  return service;
}

export function firstRequirement(service: Service): RequirementId {
  const first = service.requirements[0];
  if (!first) throw new Error(`service ${service.id} has no requirements`);
  return first;
}

export function ownRegistrations(context: DecisionContext): readonly Registration[] {
  const registrations = context.facts?.ownRegistrations;
  if (!registrations) throw new Error("this input needs the applicant's registrations (lookupsFor)");
  return registrations;
}

export function unchanged(conversation: Conversation): Decision {
  return { conversation, replies: [], effects: [] };
}

export function reply(conversation: Conversation, body: string): Decision {
  return { conversation, replies: [text(body)], effects: [] };
}

export function text(body: string): Reply {
  return { type: 'text', body };
}
