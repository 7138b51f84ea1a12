package org.qualitybenchmark.nomination;

/** A round was opened through the API; its procedure is started in the same transaction. */
public record ProvinceRoundOpened(Long roundId) {
}
