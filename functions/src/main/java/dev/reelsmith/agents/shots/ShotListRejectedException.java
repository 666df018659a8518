package dev.reelsmith.agents.shots;

import dev.reelsmith.agents.AnswerRejectedException;
import dev.reelsmith.providers.text.TokenUsage;
import java.util.List;

/** Thrown when the text model's shot list still breaks the shot rules after one repair attempt. */
public class ShotListRejectedException extends AnswerRejectedException {
    private static final long serialVersionUID = 1L;

    public ShotListRejectedException(List<String> problems, TokenUsage usage) {
        super("shot list", problems, usage);
    }
}
