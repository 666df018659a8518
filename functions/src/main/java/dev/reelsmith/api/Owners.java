package dev.reelsmith.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Optional;

/**
 * Who is calling, as API Gateway's authorizer established it: the IAM principal's ARN for IAM (SigV4)
 * authorization, else the JWT's {@code sub} claim for a JWT authorizer. That identity owns the sessions the caller
 * creates; the API itself never trusts anything the client says about who it is. A JWT whose subject is
 * {@code inbox} identifies nobody: that name owns the sessions of direct inbox uploads.
 */
final class Owners {
    /** The owner of sessions started by uploading straight to the inbox; no caller may act as it. */
    static final String INBOX = "inbox";

    private Owners() {
    }

    static Optional<String> owner(APIGatewayV2HTTPEvent.RequestContext context) {
        return caller(context).filter(owner -> !owner.equals(INBOX));
    }

    private static Optional<String> caller(APIGatewayV2HTTPEvent.RequestContext context) {
        if (context == null || context.getAuthorizer() == null) {
            return Optional.empty();
        }
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = context.getAuthorizer();
        if (authorizer.getIam() != null && notBlank(authorizer.getIam().getUserArn())) {
            return Optional.of(authorizer.getIam().getUserArn());
        }
        if (authorizer.getJwt() != null && authorizer.getJwt().getClaims() != null
                && notBlank(authorizer.getJwt().getClaims().get("sub"))) {
            return Optional.of(authorizer.getJwt().getClaims().get("sub"));
        }
        return Optional.empty();
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
