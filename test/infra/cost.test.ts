/** The README's cost figures come from the synthesized template and the stated prices (bench/cost.ts). */
import { estimateCost, estimateMetaCharges, META_UTILITY_TEMPLATE_USD_INDONESIA } from '../../bench/cost';

it('counts the resources of the template, operations included', () => {
  expect(estimateCost().resources).toMatchObject({ functions: 6, fifoQueues: 2, tables: 1, buckets: 2, secrets: 1, alarms: 21, dashboards: 1, schedules: 4 });
});

it('grows with registrations: 50,000 a month costs more than 2,000, and less than 25 times as much', () => {
  const small = estimateCost({ registrationsPerMonth: 2000 }).monthlyUsd;
  const large = estimateCost({ registrationsPerMonth: 50_000 }).monthlyUsd;
  expect(large).toBeGreaterThan(small);
  expect(large).toBeLessThan(small * 25);
});

it("charges Meta's Indonesian utility rate for each template sent outside the window", () => {
  const charges = estimateMetaCharges(2000);
  expect(charges.usdPerTemplate).toBe(META_UTILITY_TEMPLATE_USD_INDONESIA);
  expect(charges.monthlyUsd).toBeCloseTo(charges.templatesPerMonth * META_UTILITY_TEMPLATE_USD_INDONESIA, 2);
  expect(estimateMetaCharges(50_000).templatesPerMonth).toBe(25 * charges.templatesPerMonth);
});
