/**
 * The case: one enterprise's application to one campaign, from draft to submission, with its
 * texts, figures, extra fields, attachments and the history of every decision on it. Owns the
 * rules an application must satisfy (validated on the server whatever the client checked), who may
 * see and change which case, and the {@code /api/applications} endpoints.
 */
package org.qualitybenchmark.application;
