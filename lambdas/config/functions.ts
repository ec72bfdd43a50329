/** What each Lambda needs, read once per container by its wiring (lambdas/wiring/). */
import type { OfficeProfile } from '../domain/office';
import { messagesPerSecond, messagingLimit, requireEnv, requirePositiveInteger, type Env } from './env';
import { loadGraphConfig, loadOfficeProfile, type GraphConfig } from './office';

/** The office profile is not here: the worker's wiring parses it, once (`workerDeps`). */
export interface WorkerConfig {
  readonly tableName: string;
  readonly bucketName: string;
  readonly secretArn: string;
  readonly queueUrl: string;
  readonly uploadBaseUrl: string;
  readonly maxReceiveCount: number;
  readonly graph: GraphConfig;
  readonly messagesPerSecond: number | undefined;
  readonly serviceName: string | undefined;
}

export function workerConfig(env: Env): WorkerConfig {
  return {
    tableName: requireEnv(env, 'TABLE_NAME'),
    bucketName: requireEnv(env, 'BUCKET_NAME'),
    secretArn: requireEnv(env, 'SECRET_ARN'),
    queueUrl: requireEnv(env, 'QUEUE_URL'),
    uploadBaseUrl: requireEnv(env, 'UPLOAD_BASE_URL'),
    maxReceiveCount: requirePositiveInteger(env, 'MAX_RECEIVE_COUNT'),
    graph: loadGraphConfig(env),
    messagesPerSecond: messagesPerSecond(env),
    serviceName: env.POWERTOOLS_SERVICE_NAME,
  };
}

export interface UploadConfig {
  readonly tableName: string;
  readonly bucketName: string;
  readonly secretArn: string;
  readonly region: string;
  readonly office: OfficeProfile;
  readonly serviceName: string | undefined;
}

export function uploadConfig(env: Env): UploadConfig {
  return {
    tableName: requireEnv(env, 'TABLE_NAME'),
    bucketName: requireEnv(env, 'BUCKET_NAME'),
    secretArn: requireEnv(env, 'SECRET_ARN'),
    region: requireEnv(env, 'AWS_REGION'),
    office: loadOfficeProfile(env),
    serviceName: env.POWERTOOLS_SERVICE_NAME,
  };
}

export interface AdminConfig {
  readonly tableName: string;
  readonly bucketName: string;
  readonly secretArn: string;
  readonly queueUrl: string;
  readonly office: OfficeProfile;
  readonly serviceName: string | undefined;
}

export function adminConfig(env: Env): AdminConfig {
  return {
    tableName: requireEnv(env, 'TABLE_NAME'),
    bucketName: requireEnv(env, 'BUCKET_NAME'),
    secretArn: requireEnv(env, 'SECRET_ARN'),
    queueUrl: requireEnv(env, 'QUEUE_URL'),
    office: loadOfficeProfile(env),
    serviceName: env.POWERTOOLS_SERVICE_NAME,
  };
}

export interface ReminderConfig {
  readonly tableName: string;
  readonly bucketName: string;
  readonly queueUrl: string;
  readonly messagingLimit: number | undefined;
  readonly office: OfficeProfile;
  readonly retentionDays: number;
  readonly serviceName: string | undefined;
}

export function reminderConfig(env: Env): ReminderConfig {
  const office = loadOfficeProfile(env);
  return {
    tableName: requireEnv(env, 'TABLE_NAME'),
    bucketName: requireEnv(env, 'BUCKET_NAME'),
    queueUrl: requireEnv(env, 'QUEUE_URL'),
    messagingLimit: messagingLimit(env),
    office,
    retentionDays: office.retentionDays,
    serviceName: env.POWERTOOLS_SERVICE_NAME,
  };
}

export interface PendingCheckConfig {
  readonly tableName: string;
  readonly serviceName: string | undefined;
}

export function pendingCheckConfig(env: Env): PendingCheckConfig {
  return { tableName: requireEnv(env, 'TABLE_NAME'), serviceName: env.POWERTOOLS_SERVICE_NAME };
}
