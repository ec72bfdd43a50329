/**
 * The registrations API wired to a test server's table, bucket and queue, as the admin Lambda wires it,
 * answering as the admin handler does over HTTP (`toHttp`: status and JSON body).
 */
import type { RegistrationsApi } from '../../lambdas/admin/officer-api';
import { createRegistrationsApi } from '../../lambdas/admin/registrations-api';
import { toHttp } from '../../lambdas/admin/results';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { DynamoDbDeliveryStore } from '../../lambdas/adapters/dynamodb-delivery-store';
import { DynamoDbRegistrationStore } from '../../lambdas/adapters/dynamodb-registration-store';
import { proofKeysFrom } from '../../lambdas/adapters/proof-keys';
import { deriveDayCodeKey } from '../../lambdas/domain/day-code';
import { loadHolidays, loadOfficeProfile } from '../../lambdas/config';
import { addDays, jakartaDate } from '../../lambdas/domain/calendar';
import { dayState } from '../../lambdas/domain/schedule';
import type { TestServer } from './test-server';

export function officerApi(server: TestServer, now: () => Date = () => new Date()) {
  const client = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  const store = new DynamoDbRegistrationStore(client, server.config.TABLE_NAME);
  const api = answeringAsHttp(
    createRegistrationsApi({
      store,
      drafts: server.drafts,
      deliveries: new DynamoDbDeliveryStore(client, server.config.TABLE_NAME),
      blobs: server.blobs,
      queue: server.eventQueue,
      office: loadOfficeProfile({}),
      holidays: loadHolidays(),
      clock: { now },
      proofKeys: async () => proofKeysFrom(server.secrets).all,
      dayCodeKey: async () => deriveDayCodeKey(server.secrets.LINK_SIGNING_KEY),
      log: { warn: () => undefined, error: () => undefined },
    }),
  );
  return { api, store, close: () => client.destroy() };
}

type HttpAnswers<Api> = {
  readonly [Call in keyof Api]: Api[Call] extends (...args: infer Args) => Promise<unknown> ? (...args: Args) => Promise<ReturnType<typeof toHttp>> : never;
};

/** Each call of the API answered as the handler answers it: the result's HTTP status and body. */
function answeringAsHttp(api: RegistrationsApi): HttpAnswers<RegistrationsApi> {
  const calls = Object.entries(api) as [string, (...args: unknown[]) => ReturnType<RegistrationsApi['summary']>][];
  return Object.fromEntries(calls.map(([name, call]) => [name, async (...args: unknown[]) => toHttp(await call(...args))])) as HttpAnswers<RegistrationsApi>;
}

/** The `n`-th working day (Mon–Fri, not a holiday) after today in Jakarta. */
export function workingDay(n = 1, from: Date = new Date()): string {
  const holidays = loadHolidays();
  const office = loadOfficeProfile({});
  let date = jakartaDate(from);
  let found = 0;
  while (found < n) {
    date = addDays(date, 1);
    if (!dayState(date, 0, undefined, office, holidays).closed) found += 1;
  }
  return date;
}

/** A Saturday after today. */
export function nextSaturday(from: Date = new Date()): string {
  let date = addDays(jakartaDate(from), 1);
  while (new Date(`${date}T00:00:00Z`).getUTCDay() !== 6) date = addDays(date, 1);
  return date;
}
