package dev.reelsmith.local.sfn;

import dev.reelsmith.local.cloud.awsjson.AwsServiceException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a listing and the {@code nextToken} for the next. The token names the last item returned (and the
 * listing it belongs to), not an offset, so a page stays correct when items are added in front of it meanwhile (a new
 * execution is listed first; a history grows at its end).
 */
record Page<T>(List<T> items, Optional<String> nextToken) {

    /**
     * @param all the whole listing, in order
     * @param key a stable identifier of an item
     * @param listing what was listed (operation and filters); a token only continues the listing it came from
     * @param token the request's {@code nextToken}, or {@code null} for the first page
     * @throws AwsServiceException {@code InvalidToken} when the token is malformed or from another listing
     */
    static <T> Page<T> of(List<T> all, Function<T, String> key, String listing, String token, int size) {
        int start = 0;
        if (token != null) {
            String after = decode(token, listing);
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (key.apply(all.get(i)).equals(after)) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                throw invalid(token);
            }
        }
        int end = Math.min(all.size(), start + size);
        List<T> items = List.copyOf(all.subList(start, end));
        Optional<String> next = end < all.size() && !items.isEmpty()
                ? Optional.of(encode(listing, key.apply(items.get(items.size() - 1))))
                : Optional.empty();
        return new Page<>(items, next);
    }

    private static String encode(String listing, String lastKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((listing + "\n" + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token, String listing) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(token);
        }
        int newline = text.indexOf('\n');
        if (newline < 0 || !text.substring(0, newline).equals(listing)) {
            throw invalid(token);
        }
        return text.substring(newline + 1);
    }

    private static AwsServiceException invalid(String token) {
        return new AwsServiceException("InvalidToken", "Invalid Token: '" + token + "'");
    }
}
