package org.qualitybenchmark.spreadsheet;

/** A generated file: the name it is offered under (Chinese, as offices name their files) and its bytes. */
public record Download(String fileName, byte[] content) {
}
