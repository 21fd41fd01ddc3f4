package io.qbauth.loadtest.gatling;

/** A failure that carries an HTTP status, shown as the response code in Gatling's report. */
public interface HttpStatusFailure {

    /** The HTTP status of the reply that failed the call. */
    int status();
}
