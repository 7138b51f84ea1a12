package org.qualitybenchmark.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.IdentityAdministration;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

/**
 * Email delivery against a real SMTP server (GreenMail) on a local port: the server going away and
 * coming back, giving up and an operator's retry, and senders dying at each point of a send.
 * The dispatcher's schedule is off (test profile); each test runs its rounds itself.
 */
@SpringBootTest(properties = {"qb.demo.seed-cases=false", "camunda.bpm.generate-unique-process-engine-name=true",
        "spring.mail.host=127.0.0.1", "qb.notifications.max-attempts=3", "qb.notifications.initial-backoff=PT1M",
        "qb.notifications.sending-timeout=PT10M", "qb.mail.from-address=noreply@qb-test.invalid"})
@ActiveProfiles("test")
class EmailDeliveryIntegrationTest {

    static final int PORT = freePort();
    static final List<String> USERS = List.of("nt-mail-1", "nt-mail-2");
    static final AppUser OFFICE = new AppUser("nt-office", "办公室", Set.of(Role.OFFICE), Set.of());

    static GreenMail smtp;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> PORT);
    }

    @Autowired
    NotificationService notifications;

    @Autowired
    OutboxDispatcher dispatcher;

    @MockitoSpyBean
    OutboxStore store;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    InboxRepository inbox;

    @Autowired
    IdentityAdministration identity;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @BeforeEach
    void setUp() throws Exception {
        startServer();
        smtp.purgeEmailFromAllMailboxes();
        inbox.deleteAll();
        outbox.deleteAll();
        for (String user : USERS) {
            identity.ensureUser(user, user, "测试", "用户", user + "@demo.invalid", Set.of());
        }
    }

    @AfterAll
    static void stopServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void eachRecipientGetsOneEmailWithTheRowsMessageIdAndOneInboxMessageAndTheSameEventQueuesNothingMore() throws Exception {
        List<OutboxMessage> queued = queue("event-1", USERS);
        assertThat(queued).extracting(OutboxMessage::getChannel)
                .containsExactlyInAnyOrder(Channel.INBOX, Channel.EMAIL, Channel.INBOX, Channel.EMAIL);
        assertThat(queue("event-1", USERS)).as("the same event told again").isEmpty();

        assertThat(dispatcher.dispatchDue()).isEqualTo(4);
        assertThat(dispatcher.dispatchDue()).as("nothing left").isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(Arrays.stream(received).map(EmailDeliveryIntegrationTest::recipient))
                .containsExactlyInAnyOrder("nt-mail-1@demo.invalid", "nt-mail-2@demo.invalid");
        MimeMessage first = Arrays.stream(received).filter(m -> recipient(m).startsWith("nt-mail-1")).findFirst().orElseThrow();
        OutboxMessage row = email("event-1", "nt-mail-1");
        assertThat(first.getMessageID()).isEqualTo(row.getMessageId()).matches("<qb-notification-\\d+@qb-test.invalid>");
        assertThat(first.getSubject()).isEqualTo("【河北省2022年全国质量标杆推荐】申报已提交：测试企业（HEB2022-0001）");
        assertThat(GreenMailUtil.getBody(first)).isNotBlank();
        assertThat(row.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(row.getAttempts()).isEqualTo(1);
        assertThat(inbox.findAll()).extracting(InboxMessage::getUserId).containsExactlyInAnyOrderElementsOf(USERS);
    }

    @Test
    void whileTheServerIsDownTheMessageWaitsWithBackoffAndArrivesOnceWhenItIsBack() throws Exception {
        queue("event-down", List.of("nt-mail-1"));
        smtp.stop();

        assertThat(dispatcher.dispatchDue()).as("only the inbox message").isEqualTo(1);
        OutboxMessage waiting = email("event-down", "nt-mail-1");
        assertThat(waiting.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.getAttempts()).isEqualTo(1);
        assertThat(waiting.getLastError()).startsWith("邮件服务器未接收");
        assertThat(waiting.getNextAttemptAt()).isBetween(waiting.getClaimedAt().plus(Duration.ofMinutes(1)),
                waiting.getClaimedAt().plus(Duration.ofMinutes(1).plusSeconds(10)));

        startServer();
        assertThat(dispatcher.dispatchDue()).as("not before the backoff has passed").isZero();
        advance(Duration.ofSeconds(61));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(dispatcher.dispatchDue()).isZero();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        OutboxMessage sent = email("event-down", "nt-mail-1");
        assertThat(sent.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(2);
    }

    @Test
    void aMessageThatKeepsFailingIsFailedWithItsErrorAndAttemptsAndAnOperatorsRetryDeliversItOnce() throws Exception {
        queue("event-failing", List.of("nt-mail-2"));
        smtp.stop();
        dispatcher.dispatchDue();
        advance(Duration.ofMinutes(1).plusSeconds(1));
        dispatcher.dispatchDue();
        advance(Duration.ofMinutes(2).plusSeconds(1));
        dispatcher.dispatchDue();

        OutboxMessage failed = email("event-failing", "nt-mail-2");
        assertThat(failed.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(3);
        assertThat(failed.getLastError()).contains("邮件服务器未接收");
        assertThat(notifications.outbox(OutboxStatus.FAILED, 10, OFFICE)).extracting(OutboxMessage::getId)
                .containsExactly(failed.getId());
        advance(Duration.ofHours(3));
        assertThat(dispatcher.dispatchDue()).as("a FAILED row waits for an operator").isZero();

        startServer();
        notifications.retry(failed.getId(), OFFICE);
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(email("event-failing", "nt-mail-2").getStatus()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void whenRecordingTheSendFailsAfterTheServerAcceptedTheMessageItIsRecordedAgainNotSentAgain() throws Exception {
        queue("event-db-hiccup", List.of("nt-mail-1"));
        doThrow(new TransientDataAccessResourceException("数据库连接中断")).doCallRealMethod()
                .when(store).markSent(any());

        dispatcher.dispatchDue();
        advance(Duration.ofHours(1));
        dispatcher.dispatchDue();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        OutboxMessage row = email("event-db-hiccup", "nt-mail-1");
        assertThat(row.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(row.getAttempts()).isEqualTo(1);
    }

    @Test
    void aSenderThatDiesAfterItsClaimLeavesTheRowAloneUntilTheTimeoutThenItIsSentOnce() throws Exception {
        queue("event-crash-after-claim", List.of("nt-mail-2"));
        OutboxMessage row = email("event-crash-after-claim", "nt-mail-2");
        // The claim commits, then the node dies before it connects to the server.
        assertThat(store.claim(row.getId())).isPresent();

        dispatcher.dispatchDue();
        assertThat(smtp.getReceivedMessages()).as("a SENDING row is its sender's until the timeout").isEmpty();
        advance(Duration.ofMinutes(9));
        dispatcher.dispatchDue();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(dispatcher.dispatchDue()).isZero();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        OutboxMessage sent = email("event-crash-after-claim", "nt-mail-2");
        assertThat(sent.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(2);
        assertThat(sent.getLastError()).contains("未完成确认");
    }

    @Test
    void aStaleSendersLateResultDoesNotOverwriteTheRecoveryThatReplacedIt() {
        queue("event-zombie", List.of("nt-mail-1"));
        OutboxMessage row = email("event-zombie", "nt-mail-1");
        OutboxStore.Claim zombie = store.claim(row.getId()).orElseThrow();
        advance(Duration.ofMinutes(11));
        OutboxStore.Claim recovery = store.claim(row.getId()).orElseThrow();

        assertThat(store.markSent(zombie)).isFalse();
        store.markFailed(zombie, "迟到的失败");
        assertThat(email("event-zombie", "nt-mail-1").getStatus()).isEqualTo(OutboxStatus.SENDING);
        assertThat(store.markSent(recovery)).isTrue();
        assertThat(email("event-zombie", "nt-mail-1").getStatus()).isEqualTo(OutboxStatus.SENT);
    }

    /**
     * The one window that remains (see the package description): the server accepted the message and
     * the node died before it could record that. The message is sent again after the timeout, with the
     * same Message-ID, by which a receiving server or client recognises the repeat.
     */
    @Test
    void aSenderThatDiesAfterTheServerAcceptedTheMessageCausesOneRepeatWithTheSameMessageId() throws Exception {
        queue("event-crash-after-accept", List.of("nt-mail-1"));
        doThrow(new TransientDataAccessResourceException("数据库不可用")).when(store).markSent(any());
        dispatcher.dispatchDue();
        assertThat(email("event-crash-after-accept", "nt-mail-1").getStatus()).isEqualTo(OutboxStatus.SENDING);
        doCallRealMethod().when(store).markSent(any());

        advance(Duration.ofMinutes(10).plusSeconds(1));
        dispatcher.dispatchDue();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        OutboxMessage row = email("event-crash-after-accept", "nt-mail-1");
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID()).isEqualTo(row.getMessageId());
        assertThat(row.getStatus()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void twoDispatchersRunningAtOnceSendEachMessageOnce() throws Exception {
        int events = 15;
        for (int i = 0; i < events; i++) {
            queue("event-race-" + i, USERS);
        }
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            // Each node goes round until nothing is due; rows the other node holds are not due to it.
            Callable<Integer> node = () -> {
                int delivered = 0;
                while (!store.due(1).isEmpty()) {
                    delivered += dispatcher.dispatchDue();
                }
                return delivered;
            };
            List<Callable<Integer>> rounds = List.of(node, node);
            int delivered = 0;
            for (Future<Integer> round : nodes.invokeAll(rounds)) {
                delivered += round.get();
            }
            assertThat(delivered).isEqualTo(events * USERS.size() * 2);
        } finally {
            nodes.shutdown();
        }

        assertThat(smtp.getReceivedMessages()).hasSize(events * USERS.size());
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(EmailDeliveryIntegrationTest::messageId).distinct())
                .hasSize(events * USERS.size());
        assertThat(inbox.count()).isEqualTo(events * USERS.size());
        assertThat(outbox.findAll()).allSatisfy(m -> {
            assertThat(m.getStatus()).isEqualTo(OutboxStatus.SENT);
            assertThat(m.getAttempts()).isEqualTo(1);
        });
    }

    @Test
    void aBacklogLargerThanOneBatchGoesOutInOneScheduledRound() throws Exception {
        for (int event = 1; event <= 15; event++) {
            queue("backlog-" + event, USERS);
        }
        assertThat(outbox.count()).as("more rows than one batch of 20").isEqualTo(60);

        dispatcher.dispatchBacklog();

        assertThat(outbox.findAll()).extracting(OutboxMessage::getStatus).containsOnly(OutboxStatus.SENT);
        assertThat(smtp.getReceivedMessages()).hasSize(30);
        assertThat(dispatcher.dispatchDue()).as("nothing left").isZero();
        Set<Instant> written = outbox.findAll().stream()
                .map(row -> row.getCreatedAt().truncatedTo(ChronoUnit.SECONDS)).collect(Collectors.toSet());
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            assertThat(mail.getSentDate().toInstant()).as("dated when the step wrote it").isIn(written);
        }
    }

    private List<OutboxMessage> queue(String event, List<String> recipients) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("caseNumber", "HEB2022-0001");
        values.put("enterpriseName", "测试企业");
        values.put("title", "测试案例");
        values.put("campaignName", "河北省2022年全国质量标杆推荐");
        values.put("unitName", "石家庄市工业和信息化局");
        values.put("submittedAt", "2022-06-20 09:00");
        values.put("link", "/cases/edit.html?id=1");
        return transactions.execute(status -> notifications.notify(event, "application-received", recipients, values));
    }

    private OutboxMessage email(String event, String recipient) {
        return outbox.findByEventKeyAndRecipientAndChannel(event, recipient, Channel.EMAIL).orElseThrow();
    }

    private void advance(Duration duration) {
        MovableClock movable = (MovableClock) clock;
        movable.moveTo(movable.instant().plus(duration));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void startServer() {
        if (smtp == null || !smtp.isRunning()) {
            smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
