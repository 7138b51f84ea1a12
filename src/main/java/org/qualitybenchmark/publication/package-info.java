/**
 * Publishing the result (附件4 第二十一条、第二十二条、第二十四条): the public notice (公示) of the
 * recommendation list over a number of working days on the official calendar, the objections
 * received during it and their investigation, the announcement of the result with any removals,
 * and the later revocation of a title. Owns the campaign's notice dates; the objections themselves
 * are kept by {@code review}.
 */
package org.qualitybenchmark.publication;
