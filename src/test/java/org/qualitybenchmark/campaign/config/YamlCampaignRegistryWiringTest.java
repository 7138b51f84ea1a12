package org.qualitybenchmark.campaign.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConfigurationFileException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/** Spring builds the registry from AppProperties and the application's Bean Validation validator. */
class YamlCampaignRegistryWiringTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(LocalValidatorFactoryBean.class)
            .withBean(YamlCampaignRegistry.class);

    @Test
    void readsTheConfiguredFolder() {
        context.withBean(AppProperties.class, () -> properties(Path.of("config")))
                .run(started -> assertThat(started.getBean(CampaignRegistry.class).campaign("hebei-2022-national"))
                        .isPresent());
    }

    @Test
    void startUpFailsWithTheConfigurationProblems() {
        context.withBean(AppProperties.class, () -> properties(Path.of("no-such-folder")))
                .run(started -> assertThat(started).getFailure()
                        .rootCause()
                        .isInstanceOf(ConfigurationFileException.class)
                        .hasMessageContaining("no-such-folder"));
    }

    private static AppProperties properties(Path configDir) {
        return new AppProperties(configDir, Path.of("bpmn"), Path.of("forms"), Path.of("data/files"),
                ZoneId.of("Asia/Shanghai"));
    }
}
