/** AWS entry of the upload Lambda (Function URL): wiring in wiring/upload.ts, built once per container. */
import { awsUpload } from './wiring/upload';

export const handler = awsUpload();
