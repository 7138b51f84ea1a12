package org.qualitybenchmark.notification;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's mailbox: a local SMTP server (GreenMail) started inside the application when
 * {@code qb.demo.mailbox.enabled=true}, which accepts every message for every address and keeps it
 * in memory, so that the mail a campaign run sends can be read on {@code /mailbox/} without a real
 * mail server. The demo profile points {@code spring.mail.host/port} at it; a real installation
 * leaves it off and names its own SMTP server. GreenMail is a runtime dependency only: it is
 * reached by name, so that no production code compiles against a test tool.
 */
@Component
@ConditionalOnProperty(name = "qb.demo.mailbox.enabled", havingValue = "true")
public class DemoMailbox implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoMailbox.class);
    private static final String GREENMAIL = "com.icegreen.greenmail.util.GreenMail";
    private static final String SERVER_SETUP = "com.icegreen.greenmail.util.ServerSetup";

    private final int port;
    private final String bindAddress;
    private Object server;

    DemoMailbox(@Value("${qb.demo.mailbox.port:3025}") int port,
            @Value("${qb.demo.mailbox.bind-address:127.0.0.1}") String bindAddress) {
        this.port = port;
        this.bindAddress = bindAddress;
    }

    /** One received message as the page shows it. */
    public record Mail(Instant sentAt, List<String> to, String from, String subject, String body, String messageId) {
    }

    @Override
    public void afterPropertiesSet() throws ReflectiveOperationException {
        Class<?> setupClass = Class.forName(SERVER_SETUP);
        Object setup = setupClass.getConstructor(int.class, String.class, String.class).newInstance(port, bindAddress, "smtp");
        server = Class.forName(GREENMAIL).getConstructor(setupClass).newInstance(setup);
        invoke("start");
        log.info("演示邮箱已启动：SMTP {}:{}，收到的邮件见 /mailbox/index.html", bindAddress, port);
    }

    @Override
    public void destroy() throws ReflectiveOperationException {
        if (server != null) {
            invoke("stop");
        }
    }

    public int port() {
        return port;
    }

    /** Every message received since start-up, newest first. */
    public List<Mail> received() {
        MimeMessage[] messages;
        try {
            messages = (MimeMessage[]) invoke("getReceivedMessages");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("演示邮箱无法读取：" + e.getMessage(), e);
        }
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : messages) {
            mails.add(read(message));
        }
        mails.sort(Comparator.comparing(Mail::sentAt, Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
        return mails;
    }

    private static Mail read(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            Address[] from = message.getFrom();
            return new Mail(message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                    to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                    from == null || from.length == 0 ? null : from[0].toString(),
                    message.getSubject(), text(message.getContent()), message.getMessageID());
        } catch (MessagingException | IOException e) {
            return new Mail(null, List.of(), null, "（无法解析的邮件）", e.getMessage(), null);
        }
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return String.valueOf(part.getContent());
                }
            }
            return parts.getCount() == 0 ? "" : text(parts.getBodyPart(0).getContent());
        }
        return String.valueOf(content);
    }

    private Object invoke(String method) throws ReflectiveOperationException {
        try {
            return server.getClass().getMethod(method).invoke(server);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
