/**
 * The producer of `PendingOverdue`: EventBridge Scheduler every hour → a small function that counts the
 * `PENDING` registrations older than 24 hours through the by-status index. Its role may run `Query` on
 * that index and nothing else in the table.
 */
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { INDEXES } from '../lambdas/adapters/table-design';
import { SiBapaoFunction } from './si-bapao-function';

export interface PendingOverdueCheckProps {
  readonly table: ITable;
  readonly serviceName: string;
}

export class PendingOverdueCheck extends Construct {
  readonly function: SiBapaoFunction;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: PendingOverdueCheckProps) {
    super(scope, id);
    this.function = new SiBapaoFunction(this, 'Function', {
      entry: 'pending-check.ts',
      description: 'Si Bapao hourly backlog check: PENDING registrations waiting more than 24 hours, as a metric',
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: { TABLE_NAME: props.table.tableName, POWERTOOLS_SERVICE_NAME: props.serviceName },
    });
    this.function.role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:Query'], resources: [`${props.table.tableArn}/index/${INDEXES.byStatus.name}`] }));

    const role = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: 'Lets the hourly backlog schedule invoke the backlog check function, and nothing else',
    });
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.function.function.node.defaultChild as CfnFunction)}.Arn>:*]`,
      reason:
        'The Scheduler target grants lambda:InvokeFunction on the backlog check function and its versions (<arn>:*), as ' +
        'aws-scheduler-targets.LambdaInvoke does; the role is assumed only by this schedule and can invoke nothing else.',
    });
    // No retries and no dead-letter queue: a missed hour is made up by the next one, and a failing check
    // raises the function's Errors alarm.
    this.schedule = new Schedule(this, 'Schedule', {
      description: 'Si Bapao: count PENDING registrations older than 24 hours, every hour',
      schedule: ScheduleExpression.rate(Duration.hours(1)),
      target: new LambdaInvoke(this.function.function, { role, retryAttempts: 0 }),
    });
  }
}
