package org.qualitybenchmark.support;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's time control: where the system's clock stands, and moving it forward so a past
 * campaign's deadlines can be reached. Exists only when {@code qb.clock-start} is set.
 */
@RestController
@RequestMapping("/api/clock")
@ConditionalOnProperty("qb.clock-start")
@Tag(name = "演示时钟", description = "演示环境的系统时间（仅在设置 qb.clock-start 时提供）")
class ClockController {

    private final Clock clock;
    private final ZoneId zone;

    ClockController(Clock clock, AppProperties properties) {
        this.clock = clock;
        this.zone = properties.zone();
    }

    record ClockView(LocalDateTime now) {
    }

    record MoveRequest(@NotNull(message = "请填写目标时间") LocalDateTime to) {
    }

    @GetMapping
    @Operation(summary = "当前系统时间")
    ClockView now() {
        return new ClockView(LocalDateTime.now(clock));
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICE')")
    @Operation(summary = "把系统时间向后调到指定时刻；到期的定时器随后由作业执行器触发")
    ClockView move(@RequestBody @Valid MoveRequest request) {
        if (!(clock instanceof MovableClock movable)) {
            throw new ConflictException("clock.fixed", "系统时间不可调整");
        }
        movable.moveTo(request.to().atZone(zone).toInstant());
        return now();
    }
}
