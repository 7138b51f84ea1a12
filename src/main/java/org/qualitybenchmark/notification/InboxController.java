package org.qualitybenchmark.notification;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.qualitybenchmark.access.CurrentUser;

/** The signed-in user's in-app inbox; there is no way to name another user here. */
@RestController
@RequestMapping("/api/inbox")
@Tag(name = "站内消息")
class InboxController {

    private final InboxService inbox;

    InboxController(InboxService inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "我的站内消息（最新在前）", description = "unread=true 只列未读消息")
    InboxService.InboxPage list(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return inbox.list(CurrentUser.get(), unread, page, size);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "我的未读消息数")
    Map<String, Long> unreadCount() {
        return Map.of("unread", inbox.unread(CurrentUser.get()));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "标记一条消息为已读")
    InboxService.MessageView markRead(@PathVariable Long id) {
        return inbox.markRead(id, CurrentUser.get());
    }

    @PostMapping("/read-all")
    @Operation(summary = "全部标记为已读")
    Map<String, Integer> markAllRead() {
        return Map.of("marked", inbox.markAllRead(CurrentUser.get()));
    }
}
