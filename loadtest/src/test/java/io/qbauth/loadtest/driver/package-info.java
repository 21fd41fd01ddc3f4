/**
 * The clients under load, behind one small interface so the scenarios are the same for each: the qbauth SDK on a
 * chosen transport ({@link io.qbauth.loadtest.driver.SdkDriver}: one client per agent, or the users of one user
 * pool) and the raw {@code java.net.http.HttpClient} baseline ({@link io.qbauth.loadtest.driver.RawDriver}).
 */
package io.qbauth.loadtest.driver;
