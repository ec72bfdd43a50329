/** The Graph API client's requests and its reading of Meta's errors (docs/whatsapp-cloud-api.md, "Sending" and "Error codes and rate limits"). */
import { GraphApiClient } from '../../lambdas/adapters/graph-api-client';
import { GraphApiError } from '../../lambdas/errors';

interface Call {
  url: string;
  body: Record<string, unknown>;
  authorization: string;
}

function client(answers: (() => Response | Promise<Response>)[], tokens = ['token-1', 'token-2']) {
  const calls: Call[] = [];
  let tokenIndex = 0;
  let invalidated = 0;
  const graph = new GraphApiClient({
    apiUrl: 'https://graph.example/v25.0',
    phoneNumberId: '123',
    accessToken: async () => tokens[Math.min(tokenIndex, tokens.length - 1)]!,
    onTokenExpired: () => {
      invalidated += 1;
      tokenIndex += 1;
    },
    fetch: (async (url: string, init: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init.body)), authorization: String((init.headers as Record<string, string>).authorization) });
      const answer = answers.shift();
      if (!answer) throw new Error('no more answers');
      return answer();
    }) as typeof fetch,
  });
  return { graph, calls, invalidated: () => invalidated };
}

const ok = () => Response.json({ messaging_product: 'whatsapp', messages: [{ id: 'wamid.OK' }] });
const metaError = (status: number, code: number) => () => Response.json({ error: { code, message: `(#${code})`, fbtrace_id: 'trace' } }, { status });

it('sends text to the phone number with a plus sign, and to a BSUID as recipient', async () => {
  const { graph, calls } = client([ok, ok]);
  expect(await graph.send({ waId: '6281234567890' }, { type: 'text', body: 'Halo' })).toEqual({ messageId: 'wamid.OK' });
  await graph.send({ userId: 'ID.123' }, { type: 'text', body: 'Halo' });
  expect(calls[0]).toMatchObject({
    url: 'https://graph.example/v25.0/123/messages',
    authorization: 'Bearer token-1',
    body: { messaging_product: 'whatsapp', to: '+6281234567890', type: 'text', text: { body: 'Halo', preview_url: false } },
  });
  expect(calls[1]?.body).toMatchObject({ recipient: 'ID.123' });
  expect(calls[1]?.body.to).toBeUndefined();
});

it("sends an interactive list in Meta's shape", async () => {
  const { graph, calls } = client([ok]);
  await graph.send({ waId: '62811' }, { type: 'list', body: 'Pilih', button: 'Layanan', sections: [{ title: 'A', rows: [{ id: 'menu:1', title: 'Satu' }] }] });
  expect(calls[0]?.body).toMatchObject({
    type: 'interactive',
    interactive: { type: 'list', body: { text: 'Pilih' }, action: { button: 'Layanan', sections: [{ title: 'A', rows: [{ id: 'menu:1', title: 'Satu' }] }] } },
  });
});

it('sends reply buttons under a PDF as one interactive message with a document header', async () => {
  const { graph, calls } = client([ok]);
  await graph.send(
    { waId: '62811' },
    {
      type: 'buttons',
      documentHeader: { link: 'https://files.example/bukti.pdf', filename: 'bukti-antrian-KRC-002.pdf' },
      body: 'Jadwal dikonfirmasi',
      buttons: [{ id: 'MAJUKAN', title: 'Majukan jadwal' }],
    },
  );
  expect(calls[0]?.body).toEqual({
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: '+62811',
    type: 'interactive',
    interactive: {
      type: 'button',
      header: { type: 'document', document: { link: 'https://files.example/bukti.pdf', filename: 'bukti-antrian-KRC-002.pdf' } },
      body: { text: 'Jadwal dikonfirmasi' },
      action: { buttons: [{ type: 'reply', reply: { id: 'MAJUKAN', title: 'Majukan jadwal' } }] },
    },
  });
});

it.each([
  [429, 130429, true],
  [400, 131056, true],
  [500, 131000, true],
  [503, 0, true],
  [400, 131026, false],
  [400, 131047, false],
  [400, 132001, false],
  [400, 132000, false],
  [400, 131053, false],
])('classifies HTTP %i with code %i as retryable=%s', async (status, code, retryable) => {
  const { graph } = client([metaError(status, code)]);
  const error = await graph.send({ waId: '62811' }, { type: 'text', body: 'x' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GraphApiError);
  expect(error).toMatchObject({ code, retryable });
});

it('treats a network failure as retryable (the outcome is unknown)', async () => {
  const { graph } = client([() => Promise.reject(new TypeError('fetch failed'))]);
  await expect(graph.send({ waId: '62811' }, { type: 'text', body: 'x' })).rejects.toMatchObject({ retryable: true });
});

it('rereads the token once on 190 and retries with the new one', async () => {
  const { graph, calls, invalidated } = client([metaError(401, 190), ok]);
  await graph.send({ waId: '62811' }, { type: 'text', body: 'x' });
  expect(invalidated()).toBe(1);
  expect(calls.map((call) => call.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
});

it('gives up with a permanent error when the new token is refused too', async () => {
  const { graph } = client([metaError(401, 190), metaError(401, 190)]);
  await expect(graph.send({ waId: '62811' }, { type: 'text', body: 'x' })).rejects.toMatchObject({ code: 190, retryable: false });
});

it('sends a PDF by link with its caption, and a template with a document header, body parameters and quick replies', async () => {
  const { graph, calls } = client([ok, ok]);
  await graph.send({ waId: '62811' }, { type: 'document', link: 'https://s3.example/p.pdf?sig', filename: 'bukti_KRC-002.pdf', caption: 'Jadwal' });
  await graph.send(
    { waId: '62811' },
    {
      type: 'template',
      template: {
        name: 'pengingat_kedatangan',
        language: 'id',
        body: ['KRC-002', 'Rabu, 7 Januari 2026'],
        headerDocument: { link: 'https://s3.example/p.pdf', filename: 'bukti.pdf' },
        buttonPayloads: ['datang:KRC-002', 'ubah:KRC-002'],
      },
    },
    { callbackData: 'reminder:KRC-002' },
  );
  expect(calls[0]?.body).toMatchObject({
    type: 'document',
    document: { link: 'https://s3.example/p.pdf?sig', filename: 'bukti_KRC-002.pdf', caption: 'Jadwal' },
  });
  expect(calls[1]?.body).toMatchObject({
    type: 'template',
    biz_opaque_callback_data: 'reminder:KRC-002',
    template: {
      name: 'pengingat_kedatangan',
      language: { code: 'id' },
      components: [
        { type: 'header', parameters: [{ type: 'document', document: { link: 'https://s3.example/p.pdf', filename: 'bukti.pdf' } }] },
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'KRC-002' },
            { type: 'text', text: 'Rabu, 7 Januari 2026' },
          ],
        },
        { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'datang:KRC-002' }] },
        { type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'ubah:KRC-002' }] },
      ],
    },
  });
});

it('marks a message as read', async () => {
  const { graph, calls } = client([() => Response.json({ success: true })]);
  await graph.markRead('wamid.IN');
  expect(calls[0]?.body).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN' });
});
