package org.qualitybenchmark.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.support.AppProperties;

/**
 * Deploys the process models and forms that process owners keep in {@code bpmn/} and
 * {@code forms/} (or wherever {@code qb.bpmn-dir} and {@code qb.forms-dir} point). Models and
 * forms go into one deployment so that {@code camunda:formRefBinding="deployment"} finds each
 * form; an unchanged set is not deployed again, and running cases stay on the version they began.
 */
@Component
class ResourceDeployer {

    private static final Logger log = LoggerFactory.getLogger(ResourceDeployer.class);
    static final String DEPLOYMENT_NAME = "quality-benchmark";

    private final RepositoryService repository;
    private final AppProperties properties;

    ResourceDeployer(RepositoryService repository, AppProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void deploy() {
        List<Resource> resources = Stream.concat(
                        collect(properties.bpmnDir(), ".bpmn", ".dmn"),
                        collect(properties.formsDir(), ".form"))
                .toList();
        if (resources.isEmpty()) {
            log.info("Nothing to deploy in {} and {}", properties.bpmnDir(), properties.formsDir());
            return;
        }
        DeploymentBuilder builder = repository.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("file system")
                .enableDuplicateFiltering(false);
        for (Resource resource : resources) {
            try {
                builder.addInputStream(resource.name(), new ByteArrayInputStream(Files.readAllBytes(resource.path())));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource.path(), e);
            }
        }
        Deployment deployment = builder.deploy();
        log.info("Deployed {} resources from {} and {} as deployment {}", resources.size(), properties.bpmnDir(),
                properties.formsDir(), deployment.getId());
    }

    private record Resource(String name, Path path) {
    }

    private static Stream<Resource> collect(Path root, String... endings) {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(root)) {
            Path base = root.getParent() == null ? root.toAbsolutePath().getParent() : root.getParent();
            return files.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(endings).anyMatch(e -> p.getFileName().toString().endsWith(e)))
                    .sorted()
                    .map(p -> new Resource(base.toAbsolutePath().relativize(p.toAbsolutePath()).toString().replace('\\', '/'), p))
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
    }
}
