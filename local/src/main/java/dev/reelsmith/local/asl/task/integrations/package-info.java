/**
 * The Task resources a definition reaches in the local cloud: Lambda (function ARNs and {@code lambda:invoke}) and
 * the optimised integrations for DynamoDB, SQS, EventBridge and Step Functions itself, each calling the local
 * emulator through the AWS SDK and answering with the result shapes and error names Step Functions uses in AWS.
 * {@link dev.reelsmith.local.asl.task.integrations.LocalIntegrations} resolves them; {@code LocalCloud} registers it.
 */
package dev.reelsmith.local.asl.task.integrations;
