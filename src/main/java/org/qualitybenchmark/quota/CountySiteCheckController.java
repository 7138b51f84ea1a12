package org.qualitybenchmark.quota;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.qualitybenchmark.access.CurrentUser;
import org.qualitybenchmark.quota.CountySiteCheckService.SiteCheckView;

@RestController
@Tag(name = "县区现场核查", description = "县区主管部门推荐前对申报企业的现场核查记录：核查日期、人员、发现和结论")
@SecurityRequirement(name = "basic")
class CountySiteCheckController {

    private final CountySiteCheckService checks;

    CountySiteCheckController(CountySiteCheckService checks) {
        this.checks = checks;
    }

    @GetMapping("/api/applications/{id}/county-site-checks")
    @Operation(summary = "查看现场核查记录", description = "能查看该案件的用户可查看；核查由县区在“初审并现场核查”任务中记录")
    List<SiteCheckView> list(@PathVariable Long id) {
        return checks.checksOf(id, CurrentUser.get());
    }
}
