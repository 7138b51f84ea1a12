/**
 * What every module shares and no module owns: the application's folders and clock, the
 * vocabulary of refusals (a field violation, a rule violation, not found, conflict) and how the
 * API turns them into {@code application/problem+json}; and the strict reading of process owners'
 * YAML files, whose faults name file, key and line.
 */
package org.qualitybenchmark.support;
