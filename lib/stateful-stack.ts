/**
 * What must survive a redeploy: the single table, the documents bucket (with its access-log bucket) and
 * the application secret. Everything here is retained when the stack is deleted.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { INDEXES, TABLE_KEYS } from '../lambdas/adapters/table-design';
import { OPERATOR_SECRET_KEYS, SECRET_PLACEHOLDER } from '../lambdas/adapters/secrets';
import type { OfficeProfile } from '../lambdas/domain/office';
import type { StageNames } from './deploy-config';
import { lifecycleBackstopDays } from './office-config';

export { OPERATOR_SECRET_KEYS, SECRET_PLACEHOLDER };

/**
 * What CloudFormation generates the secret from. Changing any of it (a key added to the template, another
 * length, other characters) makes CloudFormation generate the secret again on the next deploy: the
 * operator's Meta token, app secret and verify token are lost, and every upload link and officer session
 * signed with the old LINK_SIGNING_KEY stops working. A new key is added by hand in the console instead
 * (README "Rotating secrets"); test/infra/stacks.test.ts pins this.
 */
export const SECRET_GENERATION = {
  secretStringTemplate: JSON.stringify(Object.fromEntries(OPERATOR_SECRET_KEYS.map((key) => [key, SECRET_PLACEHOLDER]))),
  generateStringKey: 'LINK_SIGNING_KEY',
  excludePunctuation: true,
  passwordLength: 48,
} as const;

export interface StatefulStackProps extends StackProps {
  readonly office: OfficeProfile;
  readonly names: StageNames;
}

export class StatefulStack extends Stack {
  readonly table: Table;
  readonly bucket: Bucket;
  readonly accessLogBucket: Bucket;
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      timeToLiveAttribute: TABLE_KEYS.ttl,
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of Object.values(INDEXES)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    this.accessLogBucket = new Bucket(this, 'AccessLogBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket is the destination of the documents bucket server access logs; logging it into itself ' +
        'would loop and logging it elsewhere only moves the question one bucket further.',
    });

    const backstop = Duration.days(lifecycleBackstopDays(props.office));
    this.bucket = new Bucket(this, 'DocumentsBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: false,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'documents-bucket/',
      // The upload page (another origin: the upload Function URL) PUTs files straight here. Any origin is
      // acceptable: every request still needs a presigned signature, and the bucket stays private.
      cors: [
        {
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
          allowedOrigins: ['*'],
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        { id: 'documents-retention-backstop', prefix: 'documents/', expiration: backstop },
        { id: 'proofs-retention-backstop', prefix: 'proofs/', expiration: backstop },
        // Presigned uploads land here and move to documents/ only when checked; what never was is gone in a day.
        { id: 'pending-uploads', prefix: 'pending/', expiration: Duration.days(1) },
        { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.secret = new Secret(this, 'AppSecret', {
      secretName: props.names.secret,
      description: 'Si Bapao: WhatsApp Cloud API credentials (set by the operator) and the upload-link signing key (generated).',
      generateSecretString: { ...SECRET_GENERATION },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The WhatsApp tokens are issued by Meta and can only be rotated in the Meta developer console, so ' +
        'rotation is an operator procedure (update the secret; functions refetch it within 5 minutes or on ' +
        'Graph error 190). A rotation Lambda cannot obtain new values.',
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'BucketName', { value: this.bucket.bucketName });
    new CfnOutput(this, 'SecretArn', {
      value: this.secret.secretArn,
      description: `Fill ${OPERATOR_SECRET_KEYS.join(', ')} in this secret after the first deploy.`,
    });
  }
}
