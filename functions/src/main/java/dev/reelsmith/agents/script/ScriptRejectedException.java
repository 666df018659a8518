package dev.reelsmith.agents.script;

import dev.reelsmith.agents.AnswerRejectedException;
import dev.reelsmith.providers.text.TokenUsage;
import java.util.List;

/** Thrown when the text model's script still breaks the script rules after one repair attempt. */
public class ScriptRejectedException extends AnswerRejectedException {
    private static final long serialVersionUID = 1L;

    public ScriptRejectedException(List<String> problems, TokenUsage usage) {
        super("script", problems, usage);
    }
}
