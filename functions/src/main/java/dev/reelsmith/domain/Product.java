package dev.reelsmith.domain;

/**
 * The product, service or subject a brief is about.
 *
 * @param name        as it should be written on screen (1-80 characters)
 * @param description what it is and looks like, for prompts and continuity (up to 2,000 characters), or null
 */
public record Product(String name, String description) {
    public static final int MAX_NAME_LENGTH = 80;
    public static final int MAX_DESCRIPTION_LENGTH = 2000;

    public Product {
        FieldRules rules = FieldRules.under("product");
        rules.requiredText("name", name, MAX_NAME_LENGTH);
        rules.optionalText("description", description, MAX_DESCRIPTION_LENGTH);
    }
}
