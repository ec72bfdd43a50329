export default async function globalTeardown(): Promise<void> {
  await globalThis.siBapaoDynamo?.stop();
  globalThis.siBapaoDynamo = undefined;
}
