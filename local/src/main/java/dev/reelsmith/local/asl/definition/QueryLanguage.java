package dev.reelsmith.local.asl.definition;

/** The query language of a state machine or state ({@code QueryLanguage}); JSONPath when not given, as in AWS. */
public enum QueryLanguage {
    JSONPATH("JSONPath"), JSONATA("JSONata");

    private final String awsName;

    QueryLanguage(String awsName) {
        this.awsName = awsName;
    }

    /** The spelling used in definitions. */
    public String awsName() {
        return awsName;
    }

    /** The language named {@code text}, or {@code null} when it names none. */
    static QueryLanguage fromAwsName(String text) {
        for (QueryLanguage language : values()) {
            if (language.awsName.equals(text)) {
                return language;
            }
        }
        return null;
    }
}
