/**
 * Recommendation of past benchmarks to the province (省质量标杆推荐): when the province's notice
 * arrives, the organiser of a municipal campaign opens a round (the notice, its number of places,
 * the last day), its office picks among the announced cases of the organiser's campaigns of every
 * year those it recommends, each with a reason, and the round is approved and submitted once, or
 * lapses at its deadline. Rounds and picks live in qb_province_round and qb_province_nomination.
 * Depends on {@code application} for the cases and {@code campaign} for which campaigns are the
 * organiser's; neither depends on this package.
 */
package org.qualitybenchmark.nomination;
