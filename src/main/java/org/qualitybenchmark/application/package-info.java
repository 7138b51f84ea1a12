/**
 * The case: one enterprise's application to one campaign, from draft to submission, correction,
 * withdrawal or expiry, with its texts, figures, extra fields, attachments and the history of every
 * decision on it. Owns the case's stages and {@link org.qualitybenchmark.application.CaseProgress},
 * through which the modules of later steps move it; the rules an application must satisfy
 * (validated on the server whatever the client checked); who may see and change which case; the
 * domain events of creation, submission and withdrawal; and the {@code /api/applications}
 * endpoints.
 */
package org.qualitybenchmark.application;
