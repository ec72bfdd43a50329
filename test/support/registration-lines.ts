/** Valid registration lines for tests: the NIK's digits 7–12 encode the birth date (+40 for women). */
export interface Person {
  readonly name: string;
  readonly place: string;
  /** DD-MM-YYYY */
  readonly birth: string;
  readonly sex: 'L' | 'P';
  readonly phone: string;
  /** Digits 13–16 of the NIK, to make it unique. */
  readonly serial: number;
}

export function nikOf(person: Person): string {
  const [day, month, year] = person.birth.split('-');
  const encodedDay = Number(day) + (person.sex === 'P' ? 40 : 0);
  return `320123${String(encodedDay).padStart(2, '0')}${month}${year?.slice(2)}${String(person.serial).padStart(4, '0')}`;
}

export function registrationLine(person: Person): string {
  return `DAFTAR/${person.name}/${person.place}/${person.birth}/${nikOf(person)}/${person.phone}`;
}

let serial = 1;

export function newPerson(overrides: Partial<Person> = {}): Person {
  serial += 1;
  return {
    name: 'Ahmad Budiman',
    place: 'SUNGAI PENUH',
    birth: '15-08-1990',
    sex: 'L',
    phone: '089617841945',
    serial,
    ...overrides,
  };
}
