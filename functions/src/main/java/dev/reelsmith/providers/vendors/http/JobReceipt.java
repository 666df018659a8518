package dev.reelsmith.providers.vendors.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.providers.Cost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a poll that observed success wrote beside the job's output: which job produced the file, its size and
 * checksum, and what the vendor billed. A repeated poll (every event may arrive twice) finds the receipt, checks the
 * file still matches it, and answers success with the same cost without asking the vendor or downloading again.
 *
 * @param providerId the provider that ran the job
 * @param modelId    its model
 * @param jobId      the vendor's job id
 * @param bytes      size of the output
 * @param sha256     hex SHA-256 of the output
 * @param mimeType   what the output is
 * @param cost       what the job was billed
 */
public record JobReceipt(String providerId, String modelId, String jobId, long bytes, String sha256, String mimeType,
                         Cost cost) {
    public JobReceipt {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(cost, "cost");
    }

    /** A receipt for a delivered output. */
    public static JobReceipt of(String providerId, String modelId, String jobId, Delivered delivered, Cost cost) {
        return new JobReceipt(providerId, modelId, jobId, delivered.bytes(), delivered.sha256(),
                delivered.format().mimeType(), cost);
    }

    /** Where the receipt for {@code output} lives: a hidden file beside it. */
    public static Path pathFor(Path output) {
        return output.toAbsolutePath().resolveSibling("." + output.getFileName() + ".receipt.json");
    }

    /**
     * The receipt for this job when one exists and the output still matches it (same size and checksum); empty
     * otherwise (first success, another job's file, a file changed or removed since).
     */
    public static Optional<JobReceipt> find(Path output, String providerId, String modelId, String jobId) {
        Path path = pathFor(output);
        if (!Files.isRegularFile(path) || !Files.isRegularFile(output)) {
            return Optional.empty();
        }
        JobReceipt receipt;
        try {
            receipt = parse(Json.mapper().readTree(Files.readString(path, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            // an unreadable receipt proves nothing: the caller asks the vendor again
            return Optional.empty();
        }
        if (!receipt.providerId.equals(providerId) || !receipt.modelId.equals(modelId) || !receipt.jobId.equals(jobId)) {
            return Optional.empty();
        }
        try {
            if (Files.size(output) != receipt.bytes || !OutputFiles.sha256(output).equals(receipt.sha256)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(receipt);
    }

    /** Writes the receipt beside {@code output}, atomically. */
    public void writeFor(Path output) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("providerId", providerId).put("modelId", modelId).put("jobId", jobId).put("bytes", bytes)
                .put("sha256", sha256).put("mimeType", mimeType);
        // decimals as text: a JSON number would come back as a double and lose the billed scale
        node.putObject("cost").put("quantity", cost.quantity().toPlainString()).put("unit", cost.unit())
                .put("unitPriceUsd", cost.unitPriceUsd().toPlainString())
                .put("totalUsd", cost.totalUsd().toPlainString());
        Path path = pathFor(output);
        Path temp = OutputFiles.tempBeside(path);
        try {
            Files.writeString(temp, Json.mapper().writeValueAsString(node), StandardCharsets.UTF_8);
            Files.move(temp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise the receipt for job " + jobId, e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        } finally {
            OutputFiles.deleteQuietly(temp);
        }
    }

    private static JobReceipt parse(JsonNode node) {
        JsonNode cost = node.path("cost");
        return new JobReceipt(node.path("providerId").asText(), node.path("modelId").asText(),
                node.path("jobId").asText(), node.path("bytes").asLong(), node.path("sha256").asText(),
                node.path("mimeType").asText(),
                new Cost(new BigDecimal(cost.path("quantity").asText()), cost.path("unit").asText(),
                        new BigDecimal(cost.path("unitPriceUsd").asText()), new BigDecimal(cost.path("totalUsd").asText())));
    }
}
