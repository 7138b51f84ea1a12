package org.qualitybenchmark.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.qualitybenchmark.notification.ModelNotifications;
import org.qualitybenchmark.notification.NotificationTemplates;
import org.qualitybenchmark.workflow.ModelCheck.Handlers;
import org.qualitybenchmark.workflow.ModelCheck.Resource;

/**
 * The check a year's models pass before deployment, on the real Hebei 2022 models and on copies
 * broken the ways a process owner breaks them: each problem must name the file, the element and
 * what is wrong.
 */
class ModelCheckTest {

    private static final String CASE = "hebei-2022-national-case.bpmn";
    private static final String CAMPAIGN = "hebei-2022-national-campaign.bpmn";

    static String caseModel;
    static String campaignModel;
    static List<Resource> stages = new ArrayList<>();
    static Set<String> forms;
    static Handlers handlers;

    @BeforeAll
    static void readModels() throws IOException {
        caseModel = Files.readString(Path.of("bpmn/hebei/2022", CASE));
        campaignModel = Files.readString(Path.of("bpmn/hebei/2022", CAMPAIGN));
        try (Stream<Path> files = Files.list(Path.of("bpmn/stages"))) {
            for (Path file : files.sorted().toList()) {
                stages.add(new Resource(file.getFileName().toString(), Files.readAllBytes(file)));
            }
        }
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            forms = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".form"))
                    .map(n -> n.substring(0, n.length() - ".form".length())).collect(java.util.stream.Collectors.toSet());
        }
        Set<String> beans = new java.util.HashSet<>();
        Matcher matcher = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"").matcher(caseModel + campaignModel);
        while (matcher.find()) {
            beans.add(matcher.group(1));
        }
        handlers = new Handlers(beans, beans, beans);
    }

    private static List<ModelProblem> check(String year, String caseXml, String campaignXml) {
        return ModelCheck.check(year, List.of(resource(CASE, caseXml), resource(CAMPAIGN, campaignXml)), stages, forms,
                handlers, List.of());
    }

    private static Resource resource(String name, String xml) {
        return new Resource(name, xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theRealModelsPass() {
        assertThat(check("2022", caseModel, campaignModel)).isEmpty();
    }

    @Test
    void aModelOfAnotherYearMustCarryThatYearAsVersionTag() {
        assertThat(check("2023", caseModel, campaignModel))
                .extracting(ModelProblem::element, ModelProblem::message)
                .contains(org.assertj.core.groups.Tuple.tuple("hebei-2022-national-case", "版本标签为「2022」，应为本年度 2023"));
    }

    @Test
    void anElementWithoutAShapeIsNamed() {
        String broken = caseModel.replaceFirst("<bpmndi:BPMNShape id=\"CallActivity_Defense_di\"[^>]*>[\\s\\S]*?</bpmndi:BPMNShape>", "");
        List<ModelProblem> problems = check("2022", broken, campaignModel);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file()).isEqualTo(CASE);
        assertThat(problems.get(0).element()).isEqualTo("CallActivity_Defense");
        assertThat(problems.get(0).elementName()).isNotBlank();
        assertThat(problems.get(0).message()).contains("图中没有画出此元素");
    }

    @Test
    void anUnknownDelegateAndAJavaClassAreRefused() {
        String broken = campaignModel.replace("${closeApplicationsDelegate}", "${closeApplicationDelegate}")
                .replace("camunda:delegateExpression=\"${closeRecommendationDelegate}\"",
                        "camunda:class=\"org.example.CloseRecommendation\"");
        List<ModelProblem> problems = check("2022", caseModel, broken);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(CAMPAIGN);
            assertThat(p.message()).startsWith("服务任务处理程序「closeApplicationDelegate」不存在")
                    .contains("closeApplicationsDelegate");
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("camunda:class"));
    }

    @Test
    void aMissingFormAndAMissingStageBlockAreNamed() {
        String broken = caseModel.replaceFirst("camunda:formRef=\"([a-z-]+)\"", "camunda:formRef=\"no-such-form\"")
                .replace("calledElement=\"qb-stage-defense\"", "calledElement=\"qb-stage-defence\"");
        List<ModelProblem> problems = check("2022", broken, campaignModel);
        assertThat(problems).extracting(ModelProblem::message).anyMatch(m -> m.startsWith("表单「no-such-form」不存在"))
                .anyMatch(m -> m.startsWith("调用的流程「qb-stage-defence」不在本次部署中"));
        assertThat(problems).filteredOn(p -> p.message().contains("qb-stage-defence"))
                .extracting(ModelProblem::element).containsExactly("CallActivity_Defense");
    }

    @Test
    void aFileThatIsNotBpmnIsRefusedWithItsLine() {
        List<ModelProblem> problems = check("2022", caseModel.replace("</bpmn:process>", "</bpmn:proces>"), campaignModel);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).startsWith("不是有效的 XML 文件");
        assertThat(problems.get(0).line()).as(problems.get(0).message()).isPositive();
    }

    @Test
    void wellFormedXmlThatIsNotBpmnIsRefused() {
        List<ModelProblem> problems = check("2022", "<?xml version=\"1.0\"?><definitions/>", campaignModel);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(CASE);
            assertThat(p.message()).startsWith("不是有效的 BPMN 2.0 文件");
        });
    }

    @Test
    void aMisspeltWorkingDayDeadlineIsRefusedBeforeACaseReachesIt() {
        String broken = campaignModel.replace("${applicationClosesAt}", "P10 WD");
        List<ModelProblem> problems = check("2022", caseModel, broken);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.element()).isEqualTo("TimerEvent_ApplicationsClosed");
            assertThat(p.message()).startsWith("定时器日期（Date）：“P10 WD”不是有效的工作日期限写法");
        });
        assertThat(check("2022", caseModel, campaignModel.replace("${applicationClosesAt}", "P10WD"))).isEmpty();
    }

    @Test
    void twoProcessesWithOneIdAreRefused() {
        String twin = campaignModel.replace("id=\"hebei-2022-national-campaign\"", "id=\"hebei-2022-national-case\"");
        assertThat(check("2022", caseModel, twin)).extracting(ModelProblem::message)
                .anyMatch(m -> m.startsWith("流程 id「hebei-2022-national-case」与 " + CASE + " 中的流程重复"));
    }

    @Test
    void aNotificationStepIsCheckedForItsTemplateAndRecipientsAtDeployment() {
        Set<String> usable = ModelNotifications.usableInModels(new NotificationTemplates(Path.of("config/notifications")));
        Set<String> beans = new java.util.HashSet<>(handlers.delegates());
        beans.add("notifyDelegate");
        Handlers withNotify = new Handlers(beans, handlers.taskListeners(), handlers.executionListeners(), usable);
        String steps = """
                <bpmn:serviceTask id="ServiceTask_NotifyUnknown" name="通知申报人" camunda:delegateExpression="${notifyDelegate}">
                  <bpmn:extensionElements><camunda:inputOutput>
                    <camunda:inputParameter name="notifyTemplate">no-such-template</camunda:inputParameter>
                    <camunda:inputParameter name="notifyRecipients">applicant, jury</camunda:inputParameter>
                  </camunda:inputOutput></bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:serviceTask id="ServiceTask_NotifySystemOnly" name="通知推荐单位" camunda:delegateExpression="${notifyDelegate}">
                  <bpmn:extensionElements><camunda:inputOutput>
                    <camunda:inputParameter name="notifyTemplate">returned-for-correction</camunda:inputParameter>
                    <camunda:inputParameter name="notifyRecipients"><camunda:list><camunda:value>unit</camunda:value></camunda:list></camunda:inputParameter>
                  </camunda:inputOutput></bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:serviceTask id="ServiceTask_NotifyFine" name="通知组织单位" camunda:delegateExpression="${notifyDelegate}">
                  <bpmn:extensionElements><camunda:inputOutput>
                    <camunda:inputParameter name="notifyTemplate">screening-proposed</camunda:inputParameter>
                    <camunda:inputParameter name="notifyRecipients"><camunda:list><camunda:value>office</camunda:value><camunda:value>group:experts</camunda:value></camunda:list></camunda:inputParameter>
                  </camunda:inputOutput></bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:serviceTask id="ServiceTask_NotifyNothing" name="通知专家" camunda:delegateExpression="${notifyDelegate}"/>
                """;
        String model = caseModel.replace("</bpmn:process>", steps + "</bpmn:process>");

        List<ModelProblem> problems = ModelCheck.check("2022", List.of(resource(CASE, model), resource(CAMPAIGN, campaignModel)),
                stages, forms, withNotify, List.of());

        assertThat(problems).filteredOn(p -> "ServiceTask_NotifyUnknown".equals(p.element())).extracting(ModelProblem::message)
                .anyMatch(m -> m.startsWith("通知模板「no-such-template」不存在") && m.contains("screening-proposed"))
                .anyMatch(m -> m.startsWith("无法识别的通知接收人“jury”"));
        assertThat(problems).filteredOn(p -> "ServiceTask_NotifySystemOnly".equals(p.element())).extracting(ModelProblem::message)
                .anyMatch(m -> m.startsWith("通知模板「returned-for-correction」不存在，或用到了流程模型提供不了的变量"))
                .noneMatch(m -> m.contains("接收人"));
        assertThat(problems).filteredOn(p -> "ServiceTask_NotifyFine".equals(p.element())).extracting(ModelProblem::message)
                .noneMatch(m -> m.contains("通知"));
        assertThat(problems).filteredOn(p -> "ServiceTask_NotifyNothing".equals(p.element())).extracting(ModelProblem::message)
                .anyMatch(m -> m.startsWith("通知步骤（notifyDelegate）须有输入参数 notifyTemplate"));
    }
}
