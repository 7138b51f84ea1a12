package org.qualitybenchmark.workflow;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Why a model, form or campaign file of a procedure cannot be deployed, said so that a process
 * owner finds the place in Camunda Modeler or the YAML file and knows what to change.
 *
 * @param file        the file, as named in the folder (e.g. {@code liaoning-2025-provincial-case.bpmn})
 * @param element     the element's id in the model, or the configuration key; null for the whole file
 * @param elementName the element's name as the diagram shows it, if it has one
 * @param line        the line in the file, where known
 */
@Schema(description = "模型或配置中的一个问题")
public record ModelProblem(
        @Schema(description = "文件名") String file,
        @Schema(description = "元素 id（模型）或配置项（配置文件）；针对整个文件时为空") String element,
        @Schema(description = "元素名称") String elementName,
        @Schema(description = "行号（已知时）") Integer line,
        @Schema(description = "问题说明") String message) {

    static ModelProblem ofFile(String file, String message) {
        return new ModelProblem(file, null, null, null, message);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (element != null) {
            text.append(" 元素「").append(element);
            if (elementName != null && !elementName.isBlank()) {
                text.append("（").append(elementName).append("）");
            }
            text.append("」");
        }
        if (line != null) {
            text.append(" 第 ").append(line).append(" 行");
        }
        return text.append("：").append(message).toString();
    }
}
