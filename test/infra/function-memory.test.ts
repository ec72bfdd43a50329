/**
 * Each function deploys with the memory its sweep chose (lib/function-memory.ts, README "Memory per
 * function"): the synthesized template, not the constant, is what Lambda gets.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../lib/app';
import { FUNCTION_MEMORY_MB } from '../../lib/function-memory';
import { testDeployConfig } from '../support/deploy-config';

const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };

it('gives every function the memory size the sweep chose', () => {
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  const { stateless } = buildApp(app, testDeployConfig({}));
  const resources = Template.fromStack(stateless).findResources('AWS::Lambda::Function') as Record<string, { Properties: { MemorySize?: number } }>;
  const memoryOf = (fn: { function: { node: { defaultChild?: unknown } } }) => {
    const id = Stack.of(stateless).getLogicalId(fn.function.node.defaultChild as Parameters<Stack['getLogicalId']>[0]);
    return resources[id]?.Properties.MemorySize;
  };
  expect({
    webhook: memoryOf(stateless.webhook),
    conversation: memoryOf(stateless.conversation),
    upload: memoryOf(stateless.upload),
    admin: memoryOf(stateless.admin),
    reminder: memoryOf(stateless.reminder),
  }).toEqual({ webhook: 512, conversation: 512, upload: 1769, admin: 1769, reminder: 1769 });
  expect(FUNCTION_MEMORY_MB).toEqual({ webhook: 512, conversation: 512, upload: 1769, admin: 1769, reminder: 1769 });
});
