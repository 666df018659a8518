/**
 * The local Lambda: {@link dev.reelsmith.local.lambda.LambdaFunctions} registers functions (every
 * {@code PipelineFunction} as {@code reelsmith-<id>} by default) and invokes their handler classes in this JVM with the
 * Java runtime's behaviour: {@code RequestStreamHandler} and {@code RequestHandler<I, O>} with
 * {@code aws-lambda-java-serialization}, a {@code Context}, the function timeout, and the runtime's error document for
 * exceptions. Step Functions reaches it through the task resources in
 * {@code dev.reelsmith.local.asl.task.integrations}.
 */
package dev.reelsmith.local.lambda;
