package dev.reelsmith.steps;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.reelsmith.domain.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The shape every step handler shares: the state machine's payload JSON in, one typed call, a small JSON result
 * out. Our own Jackson mapper reads records exactly (the runtime's POJO serialiser does not handle records), and a
 * payload that does not match the step's input type fails with {@link StepInputException} naming the field.
 *
 * @param <I> the step's input record
 * @param <O> the step's result
 */
public abstract class JsonStepHandler<I, O> implements RequestStreamHandler {
    private static final ObjectMapper READER = Json.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a state that has not reached a field yet leaves it out: false / 0 / null, as in the records' defaults
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    private final Class<I> inputType;

    protected JsonStepHandler(Class<I> inputType) {
        this.inputType = inputType;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        I request;
        try {
            request = READER.readValue(input, inputType);
        } catch (MismatchedInputException e) {
            throw new StepInputException(getClass().getSimpleName() + " input: " + e.getOriginalMessage()
                    + " at " + e.getPathReference(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new StepInputException(getClass().getSimpleName() + " input is not valid: " + e.getMessage(), e);
        }
        O result = handle(request, context);
        Json.mapper().writeValue(output, result);
    }

    /** The step itself: translate, call the domain, return the result. */
    protected abstract O handle(I input, Context context);
}
