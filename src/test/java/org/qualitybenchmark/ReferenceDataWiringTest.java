package org.qualitybenchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualitybenchmark.calendar.WorkingDayCalendar;
import org.qualitybenchmark.enterprise.EnterpriseSizeClassifier;
import org.qualitybenchmark.reference.AdministrativeDivisions;
import org.qualitybenchmark.reference.IndustryClassification;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConfigurationFileException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The reference components as Spring builds them, without the rest of the application (and its engine). */
class ReferenceDataWiringTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AppProperties.class)
    @Import({IndustryClassification.class, AdministrativeDivisions.class, WorkingDayCalendar.class,
            EnterpriseSizeClassifier.class})
    static class ReferenceComponents {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ReferenceComponents.class);

    @TempDir
    Path tempDir;

    @Test
    void readsTheRepositoryConfigByDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(IndustryClassification.class).isIndustrial("3670")).isTrue();
            assertThat(context.getBean(AdministrativeDivisions.class).describe("410305")).isEqualTo("河南省洛阳市涧西区");
            assertThat(context.getBean(WorkingDayCalendar.class).isWorkingDay(LocalDate.of(2024, 10, 12))).isTrue();
            assertThat(context).hasSingleBean(EnterpriseSizeClassifier.class);
        });
    }

    @Test
    void aBrokenReferenceFileStopsStartUpNamingTheFile() throws IOException {
        Path reference = Files.createDirectories(tempDir.resolve("reference"));
        for (String name : new String[] {IndustryClassification.FILE_NAME, AdministrativeDivisions.FILE_NAME}) {
            Files.copy(Path.of("config/reference", name), reference.resolve(name));
        }
        Path holidays = Files.writeString(reference.resolve(WorkingDayCalendar.FILE_NAME),
                "{\"2024\": {\"holidays\": [\"2024-10-01\"], \"workdays\": [\"2024-10-10\"]}}");

        runner.withPropertyValues("qb.config-dir=" + tempDir).run(context -> assertThat(context)
                .getFailure()
                .rootCause()
                .isInstanceOf(ConfigurationFileException.class)
                .hasMessageContaining(holidays.toString())
                .hasMessageContaining("2024.workdays[0]"));
    }
}
