package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The models as the running application sees them: every bean a model names exists, the deployer
 * deployed every model in {@code bpmn/}, and each campaign's process was started once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo", "webapps"})
class ModelBeansIntegrationTest {

    private static final Pattern BEAN = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
    private static final Pattern PROCESS_ID = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");

    @Autowired
    ApplicationContext context;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    @Test
    void everyBeanTheModelsNameExists() throws IOException {
        Set<String> beans = matches(BEAN);
        assertThat(beans).isNotEmpty();
        assertThat(beans).allSatisfy(bean -> assertThat(context.containsBean(bean)).as(bean).isTrue());
    }

    @Test
    void everyModelIsDeployedAndTheCampaignProcessRuns() throws IOException {
        Set<String> keys = matches(PROCESS_ID);
        Set<String> deployed = new TreeSet<>();
        repository.createProcessDefinitionQuery().latestVersion().list().stream().map(ProcessDefinition::getKey)
                .forEach(deployed::add);
        assertThat(deployed).containsAll(keys);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("hebei-2022-national-campaign")
                .processInstanceBusinessKey("hebei-2022-national").count()).isEqualTo(1);
    }

    private static Set<String> matches(Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
    }
}
