/**
 * The online submission to the national system (网上申报) a province's national track ends with: the
 * enterprises the province recommends submit on the national system (中国质量网) by the campaign's
 * {@code schedule.onlineSubmissionDue} and confirm it here; a case left unconfirmed when the day has
 * passed is recorded as missed. Owns its table and {@code /api} endpoints; moves cases through
 * {@link org.qualitybenchmark.application.CaseProgress}.
 */
package org.qualitybenchmark.onlinesubmission;
