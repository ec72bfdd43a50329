/**
 * The local run's offices: the seed (config/office.json + environment, id `DEFAULT_OFFICE_ID`, `kerinci`
 * by default) and the registry in the local table, with `OFFICES_FILE` (a JSON array of office bodies)
 * added or updated at start through the same checks as the admin page and `npm run office`.
 */
import { readFileSync } from 'node:fs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbOfficeStore } from '../lambdas/adapters/dynamodb-office-store';
import { officeDirectory, otherOfficeRoutes, saveOffice, seedOffice, type Env, type OfficeDirectory } from '../lambdas/config';
import type { FakeGraphApi } from './fake-graph-api';

export interface LocalOffices {
  readonly directory: OfficeDirectory;
  readonly registry: DynamoDbOfficeStore;
  /** The webhook's routes; the fake Graph API takes sends from every routed number. */
  readonly routes: () => Promise<ReadonlyMap<string, string>>;
}

export async function localOffices(parts: {
  readonly env: Env & { readonly OFFICES_FILE?: string | undefined };
  readonly dynamo: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly fakeGraph: FakeGraphApi;
}): Promise<LocalOffices> {
  const registry = new DynamoDbOfficeStore(parts.dynamo, parts.tableName);
  const directory = officeDirectory({ seed: seedOffice(parts.env), registry });
  if (parts.env.OFFICES_FILE) await loadOfficesFile(parts.env.OFFICES_FILE, registry, directory);
  const routes = async () => {
    const routed = await otherOfficeRoutes(directory);
    for (const phoneNumberId of routed.keys()) parts.fakeGraph.otherPhoneNumberIds.add(phoneNumberId);
    return routed;
  };
  await routes();
  return { directory, registry, routes };
}

async function loadOfficesFile(path: string, registry: DynamoDbOfficeStore, directory: OfficeDirectory): Promise<void> {
  const bodies: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(bodies)) throw new Error(`OFFICES_FILE ${path}: must be a JSON array of offices`);
  for (const [index, body] of bodies.entries()) {
    const id = (body as { id?: unknown }).id;
    const exists = typeof id === 'string' && (await registry.get(id)) !== undefined;
    const result = await saveOffice(exists ? 'update' : 'add', body, { registry, directory });
    if (result.kind === 'invalid') throw new Error(`OFFICES_FILE ${path}, office ${index + 1}: ${result.problems.join('; ')}`);
    if (result.kind === 'duplicate') throw new Error(`OFFICES_FILE ${path}, office ${index + 1}: ${result.field} is already another office's`);
  }
}
