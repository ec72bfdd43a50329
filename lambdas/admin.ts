/** AWS entry of the officers' admin app (Function URL): wiring in wiring/admin.ts, built once per container. */
import { awsAdmin } from './wiring/admin';

export const handler = awsAdmin();
