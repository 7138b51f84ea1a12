package org.qualitybenchmark.notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.qualitybenchmark.support.ConfigurationFileException;
import org.qualitybenchmark.support.ConfigurationFileException.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NotificationTemplatesTest {

    @TempDir
    Path dir;

    @Test
    void theShippedTemplatesLoadAndCoverTheCaseEvents() {
        NotificationTemplates templates = new NotificationTemplates(Path.of("config/notifications"));

        assertThat(templates.keys()).contains(CaseNotifications.RECEIVED, CaseNotifications.RECEIVED_UNIT,
                CaseNotifications.RETURNED, CaseNotifications.PROPOSED, CaseNotifications.NOT_RECOMMENDED,
                CaseNotifications.RECOMMENDED, CaseNotifications.FORMAL_REVIEW);
    }

    @Test
    void aTemplateRendersItsVariablesAndRefusesToRenderWithoutOne() throws IOException {
        write("a.yaml", template("greeting", "[caseNumber, reason]", "案件{{caseNumber}}", "原因：{{ reason }}。"));
        NotificationTemplate template = new NotificationTemplates(dir).get("greeting");

        NotificationTemplate.Rendered text = template.render(Map.of("caseNumber", "HEB2022-0001", "reason", "缺少盖章页"));

        assertThat(text.subject()).isEqualTo("案件HEB2022-0001");
        assertThat(text.body()).isEqualTo("原因：缺少盖章页。\n");
        assertThatThrownBy(() -> template.render(Map.of("caseNumber", "HEB2022-0001")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("greeting").hasMessageContaining("reason");
    }

    @Test
    void aPlaceholderNotDeclaredIsRefusedNamingFileTemplateAndVariable() throws IOException {
        Path file = write("bad.yaml", template("greeting", "[caseNumber]", "案件{{caseNumber}}", "期限：{{correctionDue}}"));

        List<Problem> problems = problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.key()).isEqualTo("greeting.body");
            assertThat(p.message()).contains("greeting", "correctionDue", "未在 variables 中声明");
        });
    }

    @Test
    void anUnknownVariableIsRefusedInTheDeclarationAndInTheText() throws IOException {
        write("bad.yaml", template("greeting", "[caseNumber, enterpriseNmae]", "案件{{caseNumber}}",
                "{{enterpriseNmae}}，{{applicantPhone}}"));

        List<Problem> problems = problems();

        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .contains("greeting", "enterpriseNmae", "不是系统提供的通知变量", "enterpriseName"));
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .contains("applicantPhone", "未在 variables 中声明", "系统也不提供这个变量"));
    }

    @Test
    void aDeclaredVariableTheTextDoesNotUseIsRefused() throws IOException {
        write("bad.yaml", template("greeting", "[caseNumber, reason]", "案件{{caseNumber}}", "正文"));

        assertThat(problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("greeting.variables");
            assertThat(p.message()).contains("reason", "没有用到");
        });
    }

    @Test
    void everyFaultOfEveryFileIsReportedAtOnce() throws IOException {
        write("a.yaml", template("greeting", "[caseNumber]", "案件{{caseNumber}}", "{{caseNumber}} {{oops"));
        write("b.yaml", template("greeting", "[]", "", "正文")
                + "  - key: Bad_Key\n    subject: x\n    body: y\n");
        write("c.yaml", "templates:\n  - key: extra\n    subjct: typo\n");

        ConfigurationFileException e = catchThrowableOfType(ConfigurationFileException.class, () -> new NotificationTemplates(dir));

        assertThat(e.getMessage()).startsWith("配置文件有误");
        assertThat(e.problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("不成对"))
                .anySatisfy(m -> assertThat(m).contains("缺少主题"))
                .anySatisfy(m -> assertThat(m).contains("Bad_Key"))
                .anySatisfy(m -> assertThat(m).contains("subjct"));
    }

    @Test
    void theSameKeyInTwoFilesIsRefused() throws IOException {
        write("a.yaml", template("greeting", "[]", "主题", "正文"));
        write("b.yaml", template("greeting", "[]", "主题", "正文"));

        assertThat(problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("greeting", "a.yaml", "不能重复"));
    }

    @Test
    void aTemplateNamingAVariableItsEventDoesNotSupplyIsRefusedWhenTheEventIsWired() throws IOException {
        Path file = write("a.yaml", template("greeting", "[caseNumber, correctionDue]", "{{caseNumber}}", "{{correctionDue}}"));
        NotificationTemplates templates = new NotificationTemplates(dir);

        ConfigurationFileException e = catchThrowableOfType(ConfigurationFileException.class,
                () -> templates.require(Map.of("greeting", Set.of("caseNumber"), "missing", Set.of()), "测试事件"));

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.message()).contains("greeting", "correctionDue", "测试事件");
        });
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains("缺少通知模板“missing”"));
    }

    @Test
    void aMissingFolderIsReported() {
        assertThatThrownBy(() -> new NotificationTemplates(dir.resolve("none")))
                .isInstanceOf(ConfigurationFileException.class).hasMessageContaining("找不到通知模板文件夹");
    }

    private List<Problem> problems() {
        return catchThrowableOfType(ConfigurationFileException.class, () -> new NotificationTemplates(dir)).problems();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String template(String key, String variables, String subject, String body) {
        return "templates:\n  - key: " + key + "\n    variables: " + variables + "\n    subject: \"" + subject
                + "\"\n    body: |\n      " + body + "\n";
    }
}
