package org.qualitybenchmark.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.IdentityDirectory;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.NotFoundException;

/**
 * Queues notifications and lets operators see and re-queue the ones that failed. Queuing only writes
 * outbox rows, in the caller's transaction; {@link OutboxDispatcher} delivers them later.
 */
@Service
public class NotificationService {

    private final OutboxRepository outbox;
    private final NotificationTemplates templates;
    private final IdentityDirectory directory;
    private final ObjectProvider<JavaMailSender> mail;
    private final MailProperties mailProperties;
    private final NotificationProperties properties;
    private final Clock clock;

    NotificationService(OutboxRepository outbox, NotificationTemplates templates, IdentityDirectory directory,
            ObjectProvider<JavaMailSender> mail, MailProperties mailProperties, NotificationProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.directory = directory;
        this.mail = mail;
        this.mailProperties = mailProperties;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Queues the template, rendered with {@code variables}, for each recipient: to their inbox, and by
     * email when an SMTP server is configured and the user has an address. Must run inside the
     * transaction of the step that causes it, so the messages exist exactly when the step committed.
     * A recipient who already has this event's message on a channel gets no second one there.
     *
     * @param eventKey   names this one occurrence of the event (e.g. a case history entry and the template)
     * @param recipients user ids; repeated ones count once
     * @param variables  a value for each variable the template declares; {@link TemplateVariables#LINK}, if given,
     *                   is a path of this system, turned into a full address in the text and kept as the inbox link
     * @return the rows queued now
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<OutboxMessage> notify(String eventKey, String templateKey, Collection<String> recipients,
            Map<String, String> variables) {
        NotificationTemplate template = templates.get(templateKey);
        Map<String, String> values = new HashMap<>(variables);
        String link = values.get(TemplateVariables.LINK);
        if (link != null) {
            values.put(TemplateVariables.LINK, absolute(link));
        }
        NotificationTemplate.Rendered text = template.render(values);
        boolean emailOn = mail.getIfAvailable() != null;
        Instant now = clock.instant();
        List<OutboxMessage> queued = new ArrayList<>();
        for (String recipient : new LinkedHashSet<>(recipients)) {
            queue(eventKey, recipient, Channel.INBOX, null, template, text, link, now).ifPresent(queued::add);
            if (emailOn) {
                Optional<String> address = directory.email(recipient);
                if (address.isPresent()) {
                    queue(eventKey, recipient, Channel.EMAIL, address.get(), template, text, link, now)
                            .ifPresent(queued::add);
                }
            }
        }
        return queued;
    }

    private Optional<OutboxMessage> queue(String eventKey, String recipient, Channel channel, String address,
            NotificationTemplate template, NotificationTemplate.Rendered text, String link, Instant now) {
        // The unique key (event, recipient, channel) stops a concurrent duplicate; this check spares the caller's
        // transaction the failed insert in the ordinary case of an event told twice.
        if (outbox.existsByEventKeyAndRecipientAndChannel(eventKey, recipient, channel)) {
            return Optional.empty();
        }
        OutboxMessage row = outbox.saveAndFlush(new OutboxMessage(eventKey, recipient, channel, address, template.key(),
                text.subject(), text.body(), link, now));
        if (channel == Channel.EMAIL) {
            row.assignMessageId(mailProperties.idDomain());
        }
        return Optional.of(row);
    }

    private String absolute(String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        String base = properties.baseUrl().endsWith("/")
                ? properties.baseUrl().substring(0, properties.baseUrl().length() - 1)
                : properties.baseUrl();
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    /** The outbox for operators, newest first; {@code status} null: every row. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> outbox(OutboxStatus status, int limit, AppUser actor) {
        requireOperator(actor);
        PageRequest page = PageRequest.of(0, Math.max(1, Math.min(limit, 500)));
        return status == null ? outbox.findAllByOrderByIdDesc(page) : outbox.findByStatusOrderByIdDesc(status, page);
    }

    /**
     * An operator queues a message again: a FAILED one, or a waiting one sooner. A sent message is
     * never sent again, and one being sent is left to its sender.
     */
    @Transactional
    public OutboxMessage retry(Long id, AppUser actor) {
        requireOperator(actor);
        OutboxMessage row = outbox.findById(id).orElseThrow(() -> new NotFoundException("通知“" + id + "”不存在"));
        switch (row.getStatus()) {
            case SENT -> throw new ConflictException("notification.sent", "通知" + id + "已于" + row.getSentAt()
                    + "发送，不能重发（重发会使收件人收到两次）");
            case SENDING -> throw new ConflictException("notification.sending", "通知" + id + "正在发送，请稍后查看结果");
            default -> row.requeue(clock.instant());
        }
        return row;
    }

    static void requireOperator(AppUser actor) {
        if (!actor.has(Role.OFFICE) && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only the office or an administrator may manage the outbox; " + actor.id()
                    + " may not");
        }
    }
}
