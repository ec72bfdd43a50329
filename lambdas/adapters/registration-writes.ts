/** Writes that other stores put into their own transactions: a registration created, its redone documents in. */
import type { Registration } from '../domain/registration';
import { RECORD_TEXTS } from '../domain/texts/records';
import type { AuditEntry } from '../ports';
import { officeIndexKey, registrationItem } from './registration-items';
import { keys } from './table-design';

/** The redone documents are in: `PERLU_PERBAIKAN` → `PENDING`, in the same transaction as the decision. */
export function documentsFixedWrites(tableName: string, queueNumber: string, now: Date, officeId?: string) {
  return [
    {
      Update: {
        TableName: tableName,
        Key: keys.registration(queueNumber),
        UpdateExpression: 'SET #status = :pending, statusKey = :pendingKey, version = if_not_exists(version, :one) + :one',
        ConditionExpression: '#status = :fixing',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'PENDING', ':pendingKey': officeIndexKey(officeId, 'PENDING'), ':fixing': 'PERLU_PERBAIKAN', ':one': 1 },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: auditItem(queueNumber, { at: now.toISOString(), actor: 'pemohon', action: 'documents-fixed', detail: RECORD_TEXTS.documentsFixed }),
      },
    },
  ];
}

export function auditItem(queueNumber: string, entry: AuditEntry) {
  return { ...keys.audit(queueNumber, entry.at, `${entry.action}-${Math.random().toString(36).slice(2, 8)}`), ...entry };
}

/** The writes that create a registration, to go into the same transaction as the decision. */
export function registrationCreationWrites(tableName: string, registration: Registration, now: Date) {
  return [
    {
      Put: {
        TableName: tableName,
        Item: registrationItem(registration),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      // From now on the draft's documents belong to the registration: upload links no longer change them.
      Put: {
        TableName: tableName,
        Item: { ...keys.draft(registration.draftId), queueNumber: registration.queueNumber, submittedAt: now.toISOString() },
      },
    },
    {
      // Holds the NIK while the registration is open (closing it deletes the guard): two registrations
      // of one NIK racing each other cannot both put it.
      Put: {
        TableName: tableName,
        Item: { ...keys.nikGuard(registration.nik), queueNumber: registration.queueNumber },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: auditItem(registration.queueNumber, {
          at: now.toISOString(),
          actor: 'pemohon',
          action: 'registered',
          detail: RECORD_TEXTS.registered(registration.documentsMode),
        }),
      },
    },
  ];
}
