#!/usr/bin/env python3
"""Writes statemachines/video-pipeline.asl.json.

The definition has repeated blocks (retry policies, the per-shot recovery path used by four Map processors); this
script keeps them identical. The JSON file is the artifact CDK deploys and the local cloud runs; regenerate it with
`python3 statemachines/src/build_video_pipeline.py` after editing this script, and commit both.
"""
import json
import pathlib

P = "dev.reelsmith.providers."
G = "dev.reelsmith.steps.generate."
LAMBDA_TRANSIENT = {
    "ErrorEquals": ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
                    "Lambda.TooManyRequestsException", "Lambda.ClientExecutionTimeoutException",
                    "software.amazon.awssdk.core.exception.SdkClientException"],
    "IntervalSeconds": 1, "MaxAttempts": 3, "BackoffRate": 2, "JitterStrategy": "FULL"}
VENDOR_TRANSIENT = {
    "ErrorEquals": [P + "TransientVendorException", P + "ThrottledException"],
    "IntervalSeconds": 5, "MaxAttempts": 4, "BackoffRate": 2, "MaxDelaySeconds": 120, "JitterStrategy": "FULL"}
# errors after which the same shot is tried again differently (softened prompt, then another tool)
RECOVERABLE = [P + "ContentRejectedException", P + "ProviderNotConfiguredException", P + "QuotaExceededException",
               P + "InvalidRequestException", P + "TransientVendorException", P + "ThrottledException",
               P + "CircuitOpenException", G + "GenerationFailedException",
               "dev.reelsmith.store.budget.BudgetExhaustedException"]
GATE_TIMEOUT = 7 * 24 * 3600


def lam(fn, payload, nxt=None, end=False, retry=(LAMBDA_TRANSIENT,), catch=None, output="{% $states.result.Payload %}",
        assign=None, timeout=None, comment=None, token=False):
    state = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke" + (".waitForTaskToken" if token else ""),
             "Arguments": {"FunctionName": "${" + fn + "FunctionArn}", "Payload": payload}}
    if comment:
        state = {"Comment": comment, **state}
    if output is not None:
        state["Output"] = output
    if assign:
        state["Assign"] = assign
    if timeout:
        state["TimeoutSeconds"] = timeout
    if retry:
        state["Retry"] = list(retry)
    if catch:
        state["Catch"] = catch
    if end:
        state["End"] = True
    else:
        state["Next"] = nxt
    return state


def fail_to_record(step):
    # No Catch: a step that still fails after its retries ends the execution *at that state*, so RedriveExecution
    # resumes there (a caught error counts as an exited state, and redrive would restart at a Fail state instead).
    # RecordFailure runs from the execution's status-change event (EventBridge rule in AWS, the local engine's
    # listener locally): session failed with step and reason, a dead letter, a RunFailed event.
    return None


def shot_processor(prefix, start_kind):
    """The per-shot processor: generate (keyframe, or start clip then wait/poll), recovering by variant."""
    variant = "{% $exists($states.input.variant) ? $states.input.variant : 'original' %}"
    note = "{% $exists($states.input.note) ? $states.input.note : null %}"
    recover_catch = [
        {"ErrorEquals": RECOVERABLE, "Output": "{% $merge([$states.input, {'error': $states.errorOutput}]) %}",
         "Next": prefix + "Recovery"},
        {"ErrorEquals": ["States.ALL"], "Output": "{% $merge([$states.input, {'error': $states.errorOutput}]) %}",
         "Next": prefix + "Failed"}]
    payload = {"sessionId": "{% $states.input.sessionId %}", "shotId": "{% $states.input.shotId %}",
               "variant": variant, "note": note}
    states = {}
    if start_kind == "keyframe":
        states[prefix] = lam("GenerateKeyframe", payload, end=True, retry=(LAMBDA_TRANSIENT, VENDOR_TRANSIENT),
                             catch=recover_catch, timeout=360,
                             comment="One keyframe. The handler reuses an existing result for the same request.")
        del states[prefix]["End"]
        states[prefix]["End"] = True
    else:
        states[prefix] = lam("StartClip", payload, prefix + "Done", retry=(LAMBDA_TRANSIENT, VENDOR_TRANSIENT),
                             catch=recover_catch, timeout=180,
                             comment="Submits the clip job (local providers finish here and come back done).")
        states[prefix + "Done"] = {"Type": "Choice", "Choices": [
            {"Condition": "{% $states.input.done %}", "Next": prefix + "Ready"}], "Default": prefix + "Wait"}
        states[prefix + "Wait"] = {"Type": "Wait", "Seconds": "{% $states.input.nextPollSeconds %}",
                                   "Next": prefix + "Poll"}
        states[prefix + "Poll"] = lam("PollClip", "{% $states.input %}", prefix + "Done",
                                      retry=(LAMBDA_TRANSIENT, VENDOR_TRANSIENT), catch=recover_catch, timeout=360)
        states[prefix + "Ready"] = {"Type": "Pass", "Output": "{% {'sessionId': $states.input.sessionId, "
                                    "'shotId': $states.input.shotId, 'status': 'ready', 'clipKey': $states.input.clipKey, "
                                    "'toolId': $states.input.toolId, 'variant': $states.input.variant} %}", "End": True}
    first = prefix
    states[prefix + "Recovery"] = {
        "Type": "Choice", "Comment": "Content refused: re-prompt once, softened. Then another tool. Then give up.",
        "Choices": [
            # the first attempt of a shot carries no variant: it is the original
            {"Condition": "{% $states.input.error.Error = 'dev.reelsmith.providers.ContentRejectedException' "
                          "and ($exists($states.input.variant) ? $states.input.variant : 'original') = 'original' %}",
             "Next": prefix + "Soften"},
            {"Condition": "{% ($exists($states.input.variant) ? $states.input.variant : 'original') != 'fallback' %}",
             "Next": prefix + "FallBack"}],
        "Default": prefix + "Failed"}
    keep = "{'sessionId': $states.input.sessionId, 'shotId': $states.input.shotId, 'note': $states.input.note"
    states[prefix + "Soften"] = {"Type": "Pass", "Output": "{% " + keep + ", 'variant': 'softened'} %}",
                                 "Next": first}
    states[prefix + "FallBack"] = {"Type": "Pass", "Output": "{% " + keep + ", 'variant': 'fallback'} %}",
                                   "Next": first}
    states[prefix + "Failed"] = {"Type": "Pass", "Comment": "The run goes on without this shot if enough remain.",
                                 "Output": "{% {'sessionId': $states.input.sessionId, 'shotId': $states.input.shotId, "
                                           "'status': 'failed', 'error': $states.input.error.Error, "
                                           "'cause': $states.input.error.Cause} %}",
                                 "End": True}
    return {"StartAt": first, "States": states}


def shot_map(name, items, prefix, kind, nxt, step, concurrency=10):
    # 10 shots at once: vendor rate limits are enforced by the shared per-vendor limiter (VendorGuard), so the Map
    # only bounds Lambda concurrency; a 6-shot ad's keyframes and clips all run side by side (the critical path)
    state = {"Type": "Map", "Items": items, "MaxConcurrency": concurrency,
             "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, **shot_processor(prefix, kind)}}
    if nxt is None:
        # inside a Parallel branch: failures propagate to the Parallel state's Catch
        state["End"] = True
    else:
        state["Next"] = nxt
    return state


def enough(results):
    return ("{% $count(" + results + "[status = 'ready']) >= $max([1, $ceil($count(" + results + ") / 2)]) %}")


def event(detail_type, detail, nxt):
    return {"Type": "Task", "Resource": "arn:aws:states:::events:putEvents",
            "Arguments": {"Entries": [{"EventBusName": "${EventBusName}", "Source": "reelsmith.pipeline",
                                       "DetailType": detail_type, "Detail": detail}]},
            "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1, "MaxAttempts": 2, "BackoffRate": 2}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "Output": "{% $states.input %}", "Next": nxt}],
            "Output": "{% $states.input %}", "Next": nxt}


def gate(name, gate_name, shot_ids, nxt_decide, step):
    return lam("OpenReview", {"sessionId": "{% $sessionId %}", "gate": gate_name,
                              "taskToken": "{% $states.context.Task.Token %}", "shotIds": shot_ids},
               nxt_decide, token=True, output="{% $states.result %}", timeout=GATE_TIMEOUT,
               catch=fail_to_record(step),
               comment="Pauses until the review is answered with this task token (API or reelsmith run --review).")


def record_decision(gate_name, nxt):
    """Keeps the reviewer's decision on the session item (the API shows it), via the DynamoDB integration."""
    return {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:updateItem",
            "Arguments": {"TableName": "${TableName}",
                          "Key": {"pk": {"S": "{% 'SESSION#' & $sessionId %}"}, "sk": {"S": "META"}},
                          "UpdateExpression": "SET #d = :d, updatedAt = :t",
                          "ExpressionAttributeNames": {"#d": gate_name + "Decision"},
                          "ExpressionAttributeValues": {":d": {"S": "{% $string($states.input) %}"},
                                                        ":t": {"S": "{% $now() %}"}}},
            "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1, "MaxAttempts": 3, "BackoffRate": 2}],
            "Output": "{% $states.input %}", "Next": nxt}


# $append([], x) always gives an array: JSONata collapses a one-element result to the element itself
ready_ids = "{% $append([], $keyframes[status = 'ready'].shotId) %}"
states = {
    "Admit": lam("Admit", "{% $states.input %}", "IsAdmitted",
                 assign={"sessionId": "{% $states.result.Payload.sessionId %}",
                         "reviewImages": "{% $states.result.Payload.reviewImages %}",
                         "reviewClips": "{% $states.result.Payload.reviewClips %}"},
                 timeout=180, comment="Checks the upload by content; rejection is an outcome, not an error."),
    "IsAdmitted": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.admitted %}", "Next": "Analyze"}],
                   "Default": "AnnounceRejection"},
    "AnnounceRejection": event("RunRejected", {"sessionId": "{% $states.input.sessionId %}",
                                               "reason": "{% $states.input.reason %}"}, "Rejected"),
    "Rejected": {"Type": "Succeed", "Comment": "The session is marked rejected with the reason; nothing was spent."},
    "Analyze": lam("Analyze", {"sessionId": "{% $sessionId %}"}, "WriteScript", catch=fail_to_record("Analyze"),
                   timeout=360),
    "WriteScript": lam("WriteScript", {"sessionId": "{% $sessionId %}"}, "NeedsAnswers",
                       retry=(LAMBDA_TRANSIENT, VENDOR_TRANSIENT), catch=fail_to_record("WriteScript"), timeout=360),
    "NeedsAnswers": {"Type": "Choice", "Choices": [
        {"Condition": "{% $states.input.needsAnswers %}", "Next": "AwaitAnswers"}], "Default": "PlanShots"},
    "AwaitAnswers": gate("AwaitAnswers", "answers", [], "WriteScript", "AwaitAnswers"),
    "PlanShots": lam("PlanShots", {"sessionId": "{% $sessionId %}"}, "PlanProduction",
                     retry=(LAMBDA_TRANSIENT, VENDOR_TRANSIENT), catch=fail_to_record("PlanShots"), timeout=360),
    "PlanProduction": lam("PlanProduction", {"sessionId": "{% $sessionId %}"}, "BudgetGate",
                          retry=(LAMBDA_TRANSIENT, VENDOR_TRANSIENT), catch=fail_to_record("PlanProduction"),
                          assign={"shots": "{% $states.result.Payload.shots %}",
                                  "needsMusic": "{% $states.result.Payload.needsMusic %}"}, timeout=360),
    "BudgetGate": lam("BudgetGate", {"sessionId": "{% $sessionId %}"}, "GenerateKeyframes",
                      catch=fail_to_record("BudgetGate"), timeout=60,
                      comment="Fails early when the estimate exceeds the budget; opens the run's spending ledger."),
    "GenerateKeyframes": {**shot_map("GenerateKeyframes", "{% $shots %}", "Keyframe", "keyframe", "CheckKeyframes",
                                     "GenerateKeyframes"),
                          "Assign": {"keyframes": "{% $states.result %}"}},
    "CheckKeyframes": {"Type": "Choice", "Choices": [
        {"Condition": enough("$keyframes"), "Next": "ReviewImagesWanted"}], "Default": "TooFewKeyframes"},
    "TooFewKeyframes": {"Type": "Fail", "Error": "Reelsmith.TooFewShots",
                        "Cause": "{% 'Only ' & $count($keyframes[status = 'ready']) & ' of ' & "
                                 "$count($keyframes) & ' keyframes could be generated; at least half are "
                                 "needed. ' & $join($keyframes[status = 'failed'].(shotId & ': ' & "
                                 "$string(cause)), '; ') %}"},
    "ReviewImagesWanted": {"Type": "Choice", "Choices": [{"Condition": "{% $reviewImages %}", "Next": "ReviewImages"}],
                           "Default": "GenerateMedia", "Assign": {"selected": ready_ids}},
    "ReviewImages": gate("ReviewImages", "images", ready_ids, "RecordImagesDecision", "ReviewImages"),
    "RecordImagesDecision": record_decision("images", "ImagesDecided"),
    "ImagesDecided": {"Type": "Choice", "Choices": [
        {"Condition": "{% $count($states.input.regenerate) > 0 %}", "Next": "RegenerateKeyframes"}],
        "Default": "GenerateMedia", "Assign": {"selected": "{% $append([], $states.input.approved) %}"}},
    "RegenerateKeyframes": shot_map("RegenerateKeyframes",
                                    "{% $append([], $states.input.regenerate.{'sessionId': $sessionId, 'shotId': shotId, "
                                    "'note': note}) %}", "Rekey", "keyframe", "ReviewImages", "RegenerateKeyframes"),
    "GenerateMedia": {
        "Type": "Parallel", "Comment": "Clips and, for briefs, the music bed, side by side.",
        "Branches": [
            {"StartAt": "GenerateClips", "States": {"GenerateClips": {
                **shot_map("GenerateClips", "{% $append([], $selected.{'sessionId': $sessionId, 'shotId': $}) %}", "Clip", "clip",
                           None, "GenerateClips")}}},
            {"StartAt": "MusicWanted", "States": {
                "MusicWanted": {"Type": "Choice", "Choices": [{"Condition": "{% $needsMusic %}", "Next": "StartMusic"}],
                                "Default": "NoMusic"},
                "StartMusic": lam("GenerateMusic", {"sessionId": "{% $sessionId %}"}, "MusicDone",
                                  retry=(LAMBDA_TRANSIENT, VENDOR_TRANSIENT),
                                  catch=[{"ErrorEquals": ["States.ALL"], "Output": "{% {'done': true, "
                                          "'musicKey': null, 'error': $states.errorOutput.Cause} %}",
                                          "Next": "NoMusic"}], timeout=360),
                "MusicDone": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.done %}",
                                                             "Next": "MusicReady"}], "Default": "WaitMusic"},
                "WaitMusic": {"Type": "Wait", "Seconds": "{% $states.input.nextPollSeconds %}", "Next": "PollMusic"},
                "PollMusic": lam("GenerateMusic", "{% $states.input %}", "MusicDone",
                                 retry=(LAMBDA_TRANSIENT, VENDOR_TRANSIENT),
                                 catch=[{"ErrorEquals": ["States.ALL"], "Output": "{% {'done': true, "
                                         "'musicKey': null, 'error': $states.errorOutput.Cause} %}",
                                         "Next": "NoMusic"}], timeout=360),
                "MusicReady": {"Type": "Pass", "End": True},
                "NoMusic": {"Type": "Pass", "Comment": "Songs bring their own audio; a failed music bed leaves the "
                                                       "ad silent rather than failing the run.",
                            "Output": "{% {'done': true, 'musicKey': null} %}", "End": True}}}],
        "Assign": {"clips": "{% $states.result[0] %}", "musicKey": "{% $states.result[1].musicKey %}"},
        "Next": "CheckClips"},
    "CheckClips": {"Type": "Choice", "Choices": [{"Condition": enough("$clips"), "Next": "ReviewClipsWanted"}],
                   "Default": "TooFewClips"},
    "TooFewClips": {"Type": "Fail", "Error": "Reelsmith.TooFewShots",
                    "Cause": "{% 'Only ' & $count($clips[status = 'ready']) & ' of ' & $count($clips) & "
                             "' clips could be generated; at least half are needed. ' & "
                             "$join($clips[status = 'failed'].(shotId & ': ' & $string(cause)), '; ') %}"},
    "ReviewClipsWanted": {"Type": "Choice", "Choices": [{"Condition": "{% $reviewClips %}", "Next": "ReviewClips"}],
                          "Default": "Compose", "Assign": {"cut": "{% $append([], $clips[status = 'ready'].shotId) %}"}},
    "ReviewClips": gate("ReviewClips", "clips", "{% $append([], $clips[status = 'ready'].shotId) %}", "RecordClipsDecision",
                        "ReviewClips"),
    "RecordClipsDecision": record_decision("clips", "ClipsDecided"),
    "ClipsDecided": {"Type": "Choice", "Choices": [
        {"Condition": "{% $count($states.input.regenerate) > 0 %}", "Next": "RegenerateClips"}],
        "Default": "Compose", "Assign": {"cut": "{% $append([], $states.input.approved) %}"}},
    "RegenerateClips": shot_map("RegenerateClips",
                                "{% $append([], $states.input.regenerate.{'sessionId': $sessionId, 'shotId': shotId, "
                                "'note': note}) %}", "Reclip", "clip", "ReviewClips", "RegenerateClips"),
    "Compose": lam("Compose", {"sessionId": "{% $sessionId %}", "shotIds": "{% $append([], $cut) %}",
                               "musicKey": "{% $musicKey %}"}, "Publish", catch=fail_to_record("Compose"),
                   timeout=960, comment="One FFmpeg pass over the approved shots, cut to the music."),
    "Publish": lam("Publish", "{% $states.input %}", "AnnounceVideoReady", catch=fail_to_record("Publish"),
                   timeout=180),
    "AnnounceVideoReady": event("VideoReady", "{% $states.input %}", "Done"),
    "Done": {"Type": "Succeed"},
}
definition = {
    "Comment": "Reelsmith video pipeline: an upload (brief or song) becomes a published video. Large data lives in "
               "S3 under runs/<sessionId>/; the state carries ids and small summaries.",
    "QueryLanguage": "JSONata",
    "StartAt": "Admit",
    "States": states,
}
out = pathlib.Path(__file__).resolve().parent.parent / "video-pipeline.asl.json"
out.write_text(json.dumps(definition, indent=2, ensure_ascii=False) + "\n")
print("wrote", out)
