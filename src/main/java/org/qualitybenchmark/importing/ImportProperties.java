package org.qualitybenchmark.importing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the Excel imports ({@code qb.imports.*}).
 *
 * @param maxFileSize the largest file accepted; a filled template of the largest campaign form with
 *                    {@code maxRows} rows stays well below it
 * @param maxRows     the most data rows one file may hold
 * @param queue       how many uploads may wait for the import worker before new ones are refused
 * @param stalled     a job whose progress has not moved for this long is reported as interrupted
 */
@ConfigurationProperties("qb.imports")
record ImportProperties(
        @DefaultValue("20MB") DataSize maxFileSize,
        @DefaultValue("5000") int maxRows,
        @DefaultValue("16") int queue,
        @DefaultValue("PT10M") Duration stalled) {
}
