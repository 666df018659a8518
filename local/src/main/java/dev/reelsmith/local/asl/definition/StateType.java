package dev.reelsmith.local.asl.definition;

/** The eight state types; {@link #name()} is the {@code Type} value and the prefix of their history events. */
public enum StateType {
    Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map;

    /** The type named {@code text}, or {@code null}. */
    static StateType fromAwsName(String text) {
        for (StateType type : values()) {
            if (type.name().equals(text)) {
                return type;
            }
        }
        return null;
    }
}
