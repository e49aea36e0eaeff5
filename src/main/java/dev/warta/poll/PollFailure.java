package dev.warta.poll;

/**
 * A fetch that came to nothing Warta can store: no answer (refused, timeout, connection, …), an HTTP error,
 * or a body that is no feed. Both an upstream's answer and a reading of it can be one.
 *
 * @param status the HTTP status, when there was an answer
 */
record PollFailure(PollOutcome outcome, Integer status, String message) implements UpstreamAnswer, FeedReading {

    @Override
    public Integer answeredStatus() {
        return status;
    }
}
