/**
 * "Paspor saya hilang" chooses the office's service for a lost passport, whatever number the office gave it:
 * the plain words are matched to a service by its documents, not by a fixed number; and the texts that
 * name the menu's numbers follow the catalogue.
 */
import { plainWordsChoice } from '../../lambdas/domain/conversation';
import { DEFAULT_SERVICES, type Service } from '../../lambdas/domain/services';
import { messages } from '../../lambdas/domain/texts';
import { serviceNumbers } from '../../lambdas/domain/texts/services';

const byId = (id: number): Service => {
  const service = DEFAULT_SERVICES.find((candidate) => candidate.id === id);
  if (!service) throw new Error(`no service ${id}`);
  return service;
};

it('reads the plain words of the default menu as today', () => {
  expect(plainWordsChoice('paspor saya hilang', DEFAULT_SERVICES)).toBe(1);
  expect(plainWordsChoice('paspornya robek', DEFAULT_SERVICES)).toBe(2);
  expect(plainWordsChoice('mau ubah data', DEFAULT_SERVICES)).toBe(3);
  expect(plainWordsChoice('hilang dan ganti data', DEFAULT_SERVICES)).toBe(4);
  expect(plainWordsChoice('rusak, data juga salah', DEFAULT_SERVICES)).toBe(5);
  expect(plainWordsChoice('hilang atau rusak?', DEFAULT_SERVICES)).toBeUndefined();
});

it("finds the office's own number for a lost passport, and nothing when the office does not offer it", () => {
  const renumbered: Service[] = [
    { ...byId(2), id: 1 },
    { ...byId(1), id: 2 },
    { ...byId(3), id: 3 },
  ];
  expect(plainWordsChoice('paspor saya hilang', renumbered)).toBe(2);
  expect(plainWordsChoice('paspor rusak', renumbered)).toBe(1);
  expect(plainWordsChoice('hilang dan ubah data', renumbered)).toBeUndefined();
});

it('names the menu numbers the office offers', () => {
  expect(serviceNumbers(DEFAULT_SERVICES)).toBe('1–5');
  expect(serviceNumbers([...DEFAULT_SERVICES, { ...byId(2), id: 7 }])).toBe('1–5, 7');
  expect(serviceNumbers([byId(1), byId(2)])).toBe('1, 2');
  expect(messages.registration.eachPersonOwnRegistration([byId(1), byId(2)])).toContain('(1, 2)');
});
