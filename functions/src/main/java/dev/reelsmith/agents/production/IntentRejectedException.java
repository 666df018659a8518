package dev.reelsmith.agents.production;

import dev.reelsmith.agents.AnswerRejectedException;
import dev.reelsmith.providers.text.TokenUsage;
import java.util.List;

/** Thrown when the text model's production intent still misses or repeats shots after one repair attempt. */
public class IntentRejectedException extends AnswerRejectedException {
    private static final long serialVersionUID = 1L;

    public IntentRejectedException(List<String> problems, TokenUsage usage) {
        super("production intent", problems, usage);
    }
}
