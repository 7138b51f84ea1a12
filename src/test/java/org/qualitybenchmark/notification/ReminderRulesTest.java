package org.qualitybenchmark.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.qualitybenchmark.notification.ReminderRules.HolderKind;
import org.qualitybenchmark.notification.ReminderRules.Supervisor;
import org.qualitybenchmark.support.ConfigurationFileException;

/** The reminder rules as shipped, and every fault of a broken rules file reported with file and key. */
class ReminderRulesTest {

    private static final Set<String> CAMPAIGNS = Set.of("hebei-2022-national", "zhejiang-2024-provincial");
    private final NotificationTemplates templates = new NotificationTemplates(Path.of("config/notifications"));

    @TempDir
    Path dir;

    @Test
    void theShippedRulesLoad() {
        ReminderRules rules = new ReminderRules(Path.of("config/notifications/reminders.yaml"), templates, CAMPAIGNS);

        assertThat(rules.reminders()).extracting(ReminderRules.ReminderRule::deadline).containsExactly(
                "applicationCloses", "countyScreeningDue", "recommendationDue", "onlineSubmissionDue", "tasks");
        assertThat(rules.reminders().get(0).workingDaysBefore()).containsExactly(3, 1);
        assertThat(rules.lookAhead()).isEqualTo(3);
        assertThat(rules.escalations()).singleElement().satisfies(rule -> {
            assertThat(rule.repeatEveryWorkingDays()).isEqualTo(3);
            assertThat(rule.supervisors().get(HolderKind.UNIT)).isEqualTo(new Supervisor.ParentUnit());
            assertThat(rule.supervisors().get(HolderKind.OFFICE)).isEqualTo(new Supervisor.Group("managers"));
        });
        assertThat(templates.keys()).as("the rules file is not read as templates").doesNotContain("application-closes");
    }

    @Test
    void aBrokenFileIsRefusedNamingFileAndKeys() throws IOException {
        Path file = dir.resolve("reminders.yaml");
        Files.writeString(file, """
                reminders:
                  - key: late
                    deadline: applicationClose
                    workingDaysBefore: [3, 3, 0]
                    template: reminder-missing
                  - key: late
                    deadline: tasks
                    workingDaysBefore: [1]
                    template: reminder-application
                    campaigns: [hebei-2099]
                escalations:
                  - key: overdue
                    template: escalation-overdue-task
                    repeatEveryWorkingDays: 0
                    supervisors:
                      expert: parent-unit
                      boss: group:managers
                      office: managers
                """);

        assertThatThrownBy(() -> new ReminderRules(file, templates, CAMPAIGNS))
                .isInstanceOf(ConfigurationFileException.class)
                .hasMessageContaining(file + " [reminders[0].deadline]: 截止事项应为 applicationCloses")
                .hasMessageContaining("实际为“applicationClose”")
                .hasMessageContaining("[reminders[0].workingDaysBefore]: 提前的工作日数3写了两次")
                .hasMessageContaining("[reminders[0].workingDaysBefore]: 提前的工作日数应在1到30之间，实际为0")
                .hasMessageContaining("[reminders[1].key]: 规则的 key“late”重复")
                .hasMessageContaining("[reminders[1].template]: 通知模板“reminder-application”的变量“caseNumber”在这条规则中没有取值")
                .hasMessageContaining("[reminders[1].campaigns]: 没有遴选活动“hebei-2099”")
                .hasMessageContaining("[escalations[0].repeatEveryWorkingDays]: 再次督办的间隔应在1到30个工作日之间，实际为0")
                .hasMessageContaining("[escalations[0].supervisors.expert]: parent-unit（上级单位）只能用于 unit")
                .hasMessageContaining("[escalations[0].supervisors.boss]: 任务办理方应为 unit、expert")
                .hasMessageContaining("[escalations[0].supervisors.office]: 应为 parent-unit");
    }

    @Test
    void aTemplateThatDoesNotExistOrAnUnknownKeyIsNamed() throws IOException {
        Path file = dir.resolve("reminders.yaml");
        Files.writeString(file, """
                reminders:
                  - key: soon
                    deadline: recommendationDue
                    workingDaysBefore: [2]
                    template: reminder-nowhere
                    daysBefore: 2
                """);

        assertThatThrownBy(() -> new ReminderRules(file, templates, CAMPAIGNS))
                .hasMessageContaining("[reminders[0].daysBefore]: 无法识别的内容");
        Files.writeString(file, """
                reminders:
                  - key: soon
                    deadline: recommendationDue
                    workingDaysBefore: [2]
                    template: reminder-nowhere
                """);
        assertThatThrownBy(() -> new ReminderRules(file, templates, CAMPAIGNS))
                .hasMessageContaining("[reminders[0].template]: 没有通知模板“reminder-nowhere”");
    }
}
