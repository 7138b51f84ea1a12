package org.qualitybenchmark.importing;

/** Where an import job stands. Only the last three are final. */
public enum ImportStatus {
    QUEUED("排队中", false),
    CHECKING("正在检查", false),
    IMPORTING("正在导入", false),
    SUCCEEDED("导入成功", true),
    REJECTED("有错误，未导入", true),
    FAILED("导入中断，未导入", true);

    private final String label;
    private final boolean finished;

    ImportStatus(String label, boolean finished) {
        this.label = label;
        this.finished = finished;
    }

    public String label() {
        return label;
    }

    public boolean finished() {
        return finished;
    }
}
