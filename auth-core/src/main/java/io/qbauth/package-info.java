/**
 * The qbauth client: {@link io.qbauth.QbAuth#builder()} builds a {@link io.qbauth.QbAuthClient} (asynchronous,
 * thread-safe) whose {@link io.qbauth.QbAuthClient#blocking()} view offers the same operations as blocking calls.
 */
package io.qbauth;
