package org.qualitybenchmark.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.support.NotFoundException;

/** A user's own inbox. Nobody reads another's: a message of someone else is "not found", whoever asks. */
@Service
public class InboxService {

    private final InboxRepository inbox;
    private final Clock clock;

    InboxService(InboxRepository inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    public record MessageView(Long id, String subject, String body, String link, Instant createdAt, boolean read,
            Instant readAt) {

        static MessageView of(InboxMessage m) {
            return new MessageView(m.getId(), m.getSubject(), m.getBody(), m.getLink(), m.getCreatedAt(),
                    m.getReadAt() != null, m.getReadAt());
        }
    }

    public record InboxPage(List<MessageView> messages, long unread, int page, int size, long total) {
    }

    @Transactional(readOnly = true)
    public InboxPage list(AppUser user, boolean unreadOnly, int page, int size) {
        PageRequest request = PageRequest.of(Math.max(0, page), Math.max(1, Math.min(size, 100)));
        Page<InboxMessage> found = unreadOnly
                ? inbox.findByUserIdAndReadAtIsNullOrderByCreatedAtDescIdDesc(user.id(), request)
                : inbox.findByUserIdOrderByCreatedAtDescIdDesc(user.id(), request);
        return new InboxPage(found.getContent().stream().map(MessageView::of).toList(), unread(user),
                found.getNumber(), found.getSize(), found.getTotalElements());
    }

    @Transactional(readOnly = true)
    public long unread(AppUser user) {
        return inbox.countByUserIdAndReadAtIsNull(user.id());
    }

    @Transactional
    public MessageView markRead(Long id, AppUser user) {
        InboxMessage message = inbox.findByIdAndUserId(id, user.id())
                .orElseThrow(() -> new NotFoundException("消息“" + id + "”不存在或不是您的消息"));
        message.read(clock.instant());
        return MessageView.of(message);
    }

    @Transactional
    public int markAllRead(AppUser user) {
        return inbox.markAllRead(user.id(), clock.instant());
    }
}
