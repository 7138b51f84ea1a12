package org.qualitybenchmark.notification;

import java.io.UnsupportedEncodingException;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Hands one claimed EMAIL row to the SMTP server. */
@Component
class EmailSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final MailProperties properties;

    EmailSender(ObjectProvider<JavaMailSender> mail, MailProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    /**
     * Sends it with the row's own Message-ID, the same on every attempt, so that a receiving server or
     * mail client that has the message already can recognise a repeat.
     *
     * @throws MailException if the server cannot be reached or refuses the message
     */
    void send(OutboxStore.Claim claim) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new MailSendException("未配置邮件服务器（spring.mail.host），无法发送邮件");
        }
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(new InternetAddress(properties.fromAddress(), properties.fromName(), "UTF-8"));
            helper.setTo(claim.address());
            helper.setSubject(claim.subject());
            helper.setText(claim.body(), false);
            // When the step that caused it wrote the message (RFC 5322's Date: ready to be sent), on the
            // system's clock: a message queued while a server was down, or sent again after a crash, keeps its
            // date as it keeps its Message-ID, and the demo mailbox shows each mail on its campaign day.
            helper.setSentDate(Date.from(claim.createdAt()));
            // JavaMailSenderImpl keeps a Message-ID set before sending instead of generating a new one.
            message.setHeader("Message-ID", claim.messageId());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("邮件内容无法生成：" + e.getMessage(), e);
        }
        sender.send(message);
    }
}
