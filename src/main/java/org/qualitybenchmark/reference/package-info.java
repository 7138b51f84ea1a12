/**
 * National reference data the rest of the system looks things up in: the GB/T 4754-2017 industry
 * classification (sections and divisions, and which codes count as 工业) and the GB/T 2260
 * administrative division codes of provinces and prefecture-level cities. Both are read from
 * {@code config/reference} at start-up, where process owners can correct them without a rebuild;
 * a malformed file stops start-up with the file and key at fault.
 */
package org.qualitybenchmark.reference;
