/**
 * Campaigns and recommending units: what each notice defines (read from {@code config/campaigns/}
 * and {@code config/units/} by {@code config}), mirrored into our tables at start-up so that cases
 * can refer to them and queries can join them. The configuration is the source of truth; the
 * tables add the case-number sequence and keep the configuration text each campaign ran with.
 */
package org.qualitybenchmark.campaign;
