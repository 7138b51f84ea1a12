/**
 * The application form (申报书) as a Word document, out and in: the filled form of a case and the
 * blank form of a campaign, laid out from the campaign's definition and the cover, instructions,
 * pledge and recommendation sheet of {@code config/application-forms/}; and the reading of such a
 * form, filled in Word, back into a draft. Every value the form holds sits in a content control
 * tagged with its field, so that Word keeps it findable while the user types; what is read back goes
 * through the case's own rules ({@code application}), value by value, so that a refused value is
 * named and never replaces the stored one. Owns {@code /api/applications/{id}/application-form*},
 * {@code /api/campaigns/{code}/application-form.docx} and {@code /api/application-forms}.
 */
package org.qualitybenchmark.document;
