/**
 * The registration Flow's JSON (flows/registration.json): the parts Meta checks and the names the bot
 * reads back from its reply, so that a typo in the file fails here rather than at Meta or on a phone.
 */
import { messages } from '../../lambdas/domain/texts';
import { FLOW_PAYLOAD_NAMES, REGISTRATION_FLOW_SCREEN } from '../../lambdas/domain/registration-flow';
import { flowJsonSchema, readRegistrationFlow, registrationFlowProblems, type FlowComponent } from '../../scripts/flow-json';

const shipped = readRegistrationFlow();

function components(children: readonly FlowComponent[]): FlowComponent[] {
  return children.flatMap((child) => (child.type === 'Form' ? [child, ...components(child.children)] : [child]));
}

function copy(): { version: string; screens: { id: string; terminal?: boolean; layout: { children: FlowComponent[] } }[] } {
  return structuredClone(shipped) as never;
}

function footerOf(flow: ReturnType<typeof copy>): Extract<FlowComponent, { type: 'Footer' }> {
  const footer = components(flow.screens[0]!.layout.children).find((c): c is Extract<FlowComponent, { type: 'Footer' }> => c.type === 'Footer');
  if (!footer) throw new Error('no footer');
  return footer;
}

describe('flows/registration.json', () => {
  it('is a Flow JSON Meta takes, with nothing to fix', () => {
    expect(registrationFlowProblems(shipped)).toEqual([]);
  });

  it('opens on the screen the bot names, which is terminal and completes with the five names of the contract', () => {
    const flow = flowJsonSchema.parse(shipped);
    expect(Number(flow.version)).toBeGreaterThanOrEqual(5);
    const screen = flow.screens.find((candidate) => candidate.id === REGISTRATION_FLOW_SCREEN);
    expect(screen?.terminal).toBe(true);
    const footer = components(screen?.layout.children ?? []).find((c) => c.type === 'Footer');
    expect(footer?.type === 'Footer' && footer['on-click-action']).toEqual({
      name: 'complete',
      payload: {
        nama: '${form.nama}',
        tempat_lahir: '${form.tempat_lahir}',
        tanggal_lahir: '${form.tanggal_lahir}',
        nik: '${form.nik}',
        nomor_hp: '${form.nomor_hp}',
      },
    });
    expect(Object.values(FLOW_PAYLOAD_NAMES).sort()).toEqual(['nama', 'nik', 'nomor_hp', 'tanggal_lahir', 'tempat_lahir']);
  });

  it('validates on the phone: a date picker for the birth date, 16 digits for the NIK, Indonesian helper texts on every field', () => {
    const flow = flowJsonSchema.parse(shipped);
    const fields = components(flow.screens[0]!.layout.children).filter((c) => c.type === 'TextInput' || c.type === 'DatePicker');
    const byName = Object.fromEntries(fields.map((field) => [field.type === 'TextInput' || field.type === 'DatePicker' ? field.name : '', field]));
    expect(byName.tanggal_lahir?.type).toBe('DatePicker');
    expect(byName.nik).toMatchObject({ type: 'TextInput', 'input-type': 'number', 'min-chars': 16, 'max-chars': 16, required: true });
    expect(byName.nama).toMatchObject({ 'min-chars': 3, 'max-chars': 100 });
    expect(byName.tempat_lahir).toMatchObject({ 'min-chars': 2, 'max-chars': 50 });
    for (const field of fields) {
      expect(field).toMatchObject({ required: true, 'helper-text': expect.stringMatching(/contoh|angka|sesuai|pilih/i) });
    }
  });

  it('finds what Meta or the bot would trip over', () => {
    const missingName = copy();
    const footer = footerOf(missingName);
    if (footer['on-click-action'].name === 'complete') delete footer['on-click-action'].payload.nomor_hp;
    expect(registrationFlowProblems(missingName)).toContain('the complete payload has no nomor_hp');

    const wrongInput = copy();
    const wrongFooter = footerOf(wrongInput);
    if (wrongFooter['on-click-action'].name === 'complete') wrongFooter['on-click-action'].payload.nik = '${form.no_ktp}';
    expect(registrationFlowProblems(wrongInput)).toContain(`${REGISTRATION_FLOW_SCREEN}: payload nik reads form.no_ktp, which is no input of the screen`);

    const lost = copy();
    footerOf(lost)['on-click-action'] = { name: 'navigate', next: { type: 'screen', name: 'TIDAK_ADA' } };
    expect(registrationFlowProblems(lost)).toEqual(expect.arrayContaining([`${REGISTRATION_FLOW_SCREEN}: navigates to TIDAK_ADA, which is no screen`]));

    const oldVersion = copy();
    oldVersion.version = '3.1';
    expect(registrationFlowProblems(oldVersion)).toEqual(['version: Flow JSON 5.0 or later (DatePicker values as YYYY-MM-DD)']);

    const notTerminal = copy();
    notTerminal.screens[0]!.terminal = false;
    expect(registrationFlowProblems(notTerminal)).toEqual(expect.arrayContaining(['no terminal screen']));
  });

  it('is opened by a button label Meta accepts (20 characters, no emoji)', () => {
    expect(messages.registrationFlow.cta.length).toBeLessThanOrEqual(20);
    expect(messages.registrationFlow.cta).toMatch(/^[\p{L}\p{N} ]+$/u);
  });
});
