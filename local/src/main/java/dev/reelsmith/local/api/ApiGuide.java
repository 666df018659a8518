package dev.reelsmith.local.api;

import java.net.URI;
import java.util.Objects;

/**
 * What {@code reelsmith serve} prints about the API: where it listens, how callers are identified, and commands to
 * paste (curl signs SigV4 itself with {@code --aws-sigv4}; the AWS SDKs sign with the same credentials).
 *
 * @param endpoint       the API's base URL
 * @param region         the region to sign for
 * @param allowAnonymous whether unsigned requests are served as {@code anonymous}
 */
public record ApiGuide(URI endpoint, String region, boolean allowAnonymous) {
    public ApiGuide {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
    }

    /** The text to print, ending with a newline. */
    public String render() {
        String api = endpoint.toString();
        StringBuilder out = new StringBuilder();
        out.append("API            ").append(api).append("   (the reelsmith-api function; OpenAPI at ").append(api)
                .append("/openapi.json)\n\n");
        out.append("Callers are identified as by an IAM-authorised HTTP API: a SigV4-signed request is the IAM user\n")
                .append("arn:aws:iam::").append(HttpApiEvents.LOCAL_ACCOUNT)
                .append(":user/<access key id> (signatures are not checked locally).\n");
        out.append(allowAnonymous ? "Unsigned requests are served as \"anonymous\" (--allow-anonymous).\n"
                : "Unsigned requests get 401; start with --allow-anonymous to serve them as \"anonymous\".\n");
        out.append("\nFor example (with the exports above; curl 7.75 or newer signs SigV4 itself):\n\n")
                .append("  alias api='curl -s --aws-sigv4 \"aws:amz:").append(region)
                .append(":execute-api\" --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\"'\n")
                .append("  api -H 'content-type: application/json' --data @examples/briefs/sneaker-ad.json ")
                .append(api).append("/sessions\n")
                .append("  api ").append(api).append("/sessions\n")
                .append("  api \"").append(api).append("/sessions/SESSION_ID/events?after=0\"\n")
                .append("  api -H 'content-type: application/json' --data '{\"approved\":[\"s01\",\"s02\"]}' ")
                .append(api).append("/sessions/SESSION_ID/review/images\n")
                .append("  api -H 'content-type: application/json' ")
                .append("--data '{\"song\":{\"fileName\":\"x.mp3\",\"contentType\":\"audio/mpeg\"}}' ")
                .append(api).append("/sessions\n")
                .append("  api -H 'content-type: application/json' ")
                .append("--data \"{\\\"brief\\\":$(cat examples/briefs/sneaker-ad.json)}\" ")
                .append(api).append("/production/plan\n");
        if (allowAnonymous) {
            out.append("  curl -s ").append(api).append("/catalog/tools\n");
        }
        out.append("  curl -s ").append(api).append("/health\n");
        return out.toString();
    }
}
