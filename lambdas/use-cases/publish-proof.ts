/** Renders a registration's PDF proof, stores it in the private bucket and returns a short-lived link. */
import { signProofCode } from '../domain/proof-code';
import type { OfficeProfile } from '../domain/office';
import type { Registration } from '../domain/registration';
import type { BlobStore } from '../ports';

/** Meta fetches a linked document when it sends it; a day leaves room for retries. */
export const PROOF_LINK_SECONDS = 24 * 60 * 60;

export interface ProofDeps {
  readonly blobs: BlobStore;
  readonly office: OfficeProfile;
  readonly signingKey: () => Promise<{ keyId: string; key: string }>;
  readonly now: () => Date;
}

export async function publishProof(
  registration: Registration,
  version: number,
  previousDate: string | undefined,
  deps: ProofDeps,
): Promise<{ key: string; link: string }> {
  if (!registration.appointmentDate || !registration.appointmentTime) throw new Error(`${registration.queueNumber} has no appointment to prove`);
  const code = signProofCode({ queueNumber: registration.queueNumber, appointmentDate: registration.appointmentDate }, await deps.signingKey());
  // pdf-lib and its fonts load with the first proof: most events of the worker render none.
  const { renderProofPdf } = await import('../domain/proof-pdf');
  const bytes = await renderProofPdf({
    office: deps.office,
    registration,
    appointment: {
      date: registration.appointmentDate,
      time: registration.appointmentTime,
      ...(registration.note ? { note: registration.note } : {}),
      ...(previousDate ? { previousDate } : {}),
    },
    code,
    generatedAt: deps.now(),
  });
  const key = `proofs/${registration.queueNumber}/${registration.appointmentDate}-v${version}.pdf`;
  await deps.blobs.put(key, bytes, 'application/pdf');
  const link = await deps.blobs.presignedGetUrl(key, PROOF_LINK_SECONDS, `bukti-antrian-${registration.queueNumber}.pdf`, 'application/pdf');
  return { key, link };
}
