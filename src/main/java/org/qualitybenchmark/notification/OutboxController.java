package org.qualitybenchmark.notification;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.qualitybenchmark.access.CurrentUser;

/** The outbox for operators (the office, administrators): what was sent, what waits, what failed and why. */
@RestController
@RequestMapping("/api/notifications/outbox")
@Tag(name = "通知发送")
class OutboxController {

    private final NotificationService notifications;

    OutboxController(NotificationService notifications) {
        this.notifications = notifications;
    }

    record OutboxView(Long id, String eventKey, String template, String recipient, Channel channel, String channelLabel,
            String address, String subject, OutboxStatus status, String statusLabel, int attempts, Instant nextAttemptAt,
            String lastError, String messageId, Instant createdAt, Instant sentAt) {

        static OutboxView of(OutboxMessage m) {
            return new OutboxView(m.getId(), m.getEventKey(), m.getTemplateKey(), m.getRecipient(), m.getChannel(),
                    m.getChannel().label(), m.getAddress(), m.getSubject(), m.getStatus(), m.getStatus().label(),
                    m.getAttempts(), m.getNextAttemptAt(), m.getLastError(), m.getMessageId(), m.getCreatedAt(),
                    m.getSentAt());
        }
    }

    @GetMapping
    @Operation(summary = "通知发送记录（最新在前）", description = "status=FAILED 只列发送失败的；仅组织单位办公室和管理员可查看")
    List<OutboxView> list(@RequestParam(required = false) OutboxStatus status,
            @RequestParam(defaultValue = "100") int limit) {
        return notifications.outbox(status, limit, CurrentUser.get()).stream().map(OutboxView::of).toList();
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "重新发送失败的通知", description = "已发送的通知不能重发")
    OutboxView retry(@PathVariable Long id) {
        return OutboxView.of(notifications.retry(id, CurrentUser.get()));
    }
}
