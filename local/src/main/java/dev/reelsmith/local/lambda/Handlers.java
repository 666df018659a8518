package dev.reelsmith.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Loads handler classes and turns handler objects into stream handlers the way the Java Lambda runtime
 * ({@code aws-lambda-java-runtime-interface-client}'s {@code EventHandlerLoader}) does: a public no-arg constructor,
 * {@code RequestStreamHandler} used as is, and {@code RequestHandler<I, O>} wrapped so that the payload is read into
 * {@code I} and the result written from {@code O} with {@code aws-lambda-java-serialization}:
 * {@link LambdaEventSerializers} for the {@code aws-lambda-java-events} types it supports, its Jackson-based
 * {@link JacksonFactory} for everything else, and the bytes {@code null} for a {@code Void} result.
 */
final class Handlers {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.UTF_8);

    private Handlers() {
    }

    /**
     * A failure the runtime reports before the handler method runs (the runtime's {@code UserFault}): the class is
     * missing, cannot be instantiated, or implements no handler interface. Its document has {@code errorMessage},
     * {@code errorType} when there is an exception behind it, and no stack trace.
     */
    static final class HandlerFault extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Optional<String> errorType;

        HandlerFault(String message, Optional<String> errorType) {
            super(message);
            this.errorType = errorType;
        }

        static HandlerFault of(Throwable thrown) {
            String message = thrown.getLocalizedMessage();
            return new HandlerFault(message == null ? thrown.getClass().getName() : message,
                    Optional.of(thrown.getClass().getName()));
        }

        String document() {
            ObjectNode document = MAPPER.createObjectNode();
            document.put("errorMessage", getMessage());
            errorType.ifPresent(type -> document.put("errorType", type));
            return document.toString();
        }
    }

    /** Loads and instantiates {@code className} with its public no-arg constructor. */
    static Object instantiate(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new HandlerFault("Class not found: " + className, Optional.of(e.getClass().getName()));
        } catch (LinkageError e) {
            Throwable cause = e instanceof ExceptionInInitializerError init && init.getCause() != null
                    ? init.getCause() : e;
            throw new HandlerFault("Error loading class " + className
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                    Optional.of(cause.getClass().getName()));
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            String reason = type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())
                    ? " cannot be instantiated because it is a non-static inner class"
                    : " has no public zero-argument constructor";
            throw new HandlerFault("Class " + className + reason, Optional.of(Exception.class.getName()));
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw HandlerFault.of(e.getCause() == null ? e : e.getCause());
        } catch (ReflectiveOperationException e) {
            throw HandlerFault.of(e);
        }
    }

    /** {@code handler} as a stream handler, or a fault when it implements neither handler interface. */
    static RequestStreamHandler adapt(Object handler) {
        if (handler instanceof RequestStreamHandler stream) {
            return stream;
        }
        if (handler instanceof RequestHandler<?, ?> pojo) {
            Type[] types = requestHandlerTypes(handler.getClass());
            if (types == null) {
                throw new HandlerFault("Class " + handler.getClass().getName()
                        + " does not implement RequestHandler with concrete type parameters", Optional.empty());
            }
            return new PojoStreamHandler(pojo, types[0], types[1]);
        }
        throw new HandlerFault("Class does not implement an appropriate handler interface: "
                + handler.getClass().getName(), Optional.empty());
    }

    /** The {@code I} and {@code O} of {@code RequestHandler<I, O>} as {@code type} binds them, or null if unbound. */
    static Type[] requestHandlerTypes(Class<?> type) {
        Type[] found = find(type, Map.of());
        if (found == null) {
            return null;
        }
        for (int i = 0; i < found.length; i++) {
            if (found[i] instanceof TypeVariable<?> variable) {
                Type bound = variable.getBounds()[0];
                if (bound.equals(Object.class)) {
                    return null;
                }
                found[i] = bound;
            }
        }
        return found;
    }

    private static Type[] find(Type type, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> local = new HashMap<>();
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                Type argument = arguments[i];
                local.put(variables[i], argument instanceof TypeVariable<?> && bindings.containsKey(argument)
                        ? bindings.get(argument) : argument);
            }
            if (raw == RequestHandler.class) {
                return new Type[] {local.get(variables[0]), local.get(variables[1])};
            }
        } else if (type instanceof Class<?> plain) {
            raw = plain;
        } else {
            return null;
        }
        for (Type implemented : raw.getGenericInterfaces()) {
            Type[] found = find(implemented, local);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : find(superclass, local);
    }

    @SuppressWarnings("unchecked")
    static PojoSerializer<Object> serializer(Type type, ClassLoader loader) {
        if (type instanceof Class<?> plain && LambdaEventSerializers.isLambdaSupportedEvent(plain.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(plain, loader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    private static boolean isVoid(Type type) {
        return type == Void.TYPE || type == Void.class;
    }

    /** {@code RequestHandler<I, O>} behind the stream interface, with the runtime's serialisation and messages. */
    static final class PojoStreamHandler implements RequestStreamHandler {
        private final RequestHandler<Object, Object> handler;
        private final PojoSerializer<Object> input;
        private final PojoSerializer<Object> output;

        @SuppressWarnings("unchecked")
        PojoStreamHandler(RequestHandler<?, ?> handler, Type inputType, Type outputType) {
            this.handler = (RequestHandler<Object, Object>) handler;
            ClassLoader loader = handler.getClass().getClassLoader();
            this.input = serializer(inputType, loader);
            this.output = isVoid(outputType) ? null : serializer(outputType, loader);
        }

        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) throws java.io.IOException {
            Object event;
            try {
                event = input.fromJson(in);
            } catch (RuntimeException | Error e) {
                throw new RuntimeException("An error occurred during JSON parsing", e);
            }
            Object result = handler.handleRequest(event, context);
            if (output == null) {
                out.write(JSON_NULL);
                return;
            }
            try {
                output.toJson(result, out);
            } catch (RuntimeException | Error e) {
                throw new RuntimeException("An error occurred during JSON serialization of response", e);
            }
        }
    }
}
