/**
 * Demo data, loaded only with the {@code demo} profile: a login per role and cases in several
 * states, created through the same services as the API so that they obey the same rules. Nothing
 * here runs in production.
 */
package org.qualitybenchmark.demo;
