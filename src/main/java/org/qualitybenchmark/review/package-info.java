/**
 * Records of review: each expert's score and comment per criterion at material review and
 * defense, and each objection raised during the public notice with its investigation and outcome,
 * every one with who and when. Cases are referred to by id; the case's own history of decisions
 * is kept by {@code application}.
 */
package org.qualitybenchmark.review;
