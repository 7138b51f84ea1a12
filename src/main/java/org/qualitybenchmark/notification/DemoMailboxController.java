package org.qualitybenchmark.notification;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The demo mailbox's contents for the office ({@code /mailbox/index.html}); exists only with the mailbox. */
@RestController
@RequestMapping("/api/demo-mailbox")
@ConditionalOnProperty(name = "qb.demo.mailbox.enabled", havingValue = "true")
@Tag(name = "演示邮箱", description = "演示环境内置的收信服务器收到的邮件（仅在 qb.demo.mailbox.enabled=true 时提供）")
class DemoMailboxController {

    private final DemoMailbox mailbox;

    DemoMailboxController(DemoMailbox mailbox) {
        this.mailbox = mailbox;
    }

    record MailboxView(int port, int total, List<DemoMailbox.Mail> mails) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICE')")
    @Operation(summary = "演示邮箱收到的邮件，新的在前")
    MailboxView received(@RequestParam(defaultValue = "200") int limit) {
        List<DemoMailbox.Mail> all = mailbox.received();
        return new MailboxView(mailbox.port(), all.size(), all.subList(0, Math.max(0, Math.min(limit, all.size()))));
    }
}
