/** AWS entry of the conversation worker (SQS FIFO, partial batch responses): wiring in wiring/worker.ts. */
import { awsWorker } from './wiring/worker';

export const handler = awsWorker();
