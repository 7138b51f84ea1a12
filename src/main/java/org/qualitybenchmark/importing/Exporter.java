package org.qualitybenchmark.importing;

import java.util.List;

/** An importer whose data can be written out in its own template, to edit and import again. */
interface Exporter {

    /** One row per record, a value per column of the layout. */
    List<List<Object>> rows(Importer.ImportRequest request, TemplateLayout layout);
}
