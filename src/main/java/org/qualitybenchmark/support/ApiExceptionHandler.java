package org.qualitybenchmark.support;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns refusals into RFC 9457 problem details. A refused request always says what is wrong and
 * in which field ({@code errors}: field, code, message), in Chinese.
 */
@RestControllerAdvice(basePackages = "org.qualitybenchmark")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final URI VALIDATION = URI.create("urn:qb:problem:validation");

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException e) {
        return validationProblem(HttpStatus.UNPROCESSABLE_ENTITY, "提交的信息未通过校验", e.violations());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("未找到");
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("与当前状态冲突");
        problem.setProperty("code", e.code());
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "案件已被他人同时修改，请刷新后重试");
        problem.setTitle("与当前状态冲突");
        problem.setProperty("code", "case.concurrentChange");
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "您没有执行此操作的权限");
        problem.setTitle("无权操作");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldViolation(error.getField(), "invalid." + error.getCode(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(HttpStatus.BAD_REQUEST, "请求内容不符合要求", violations));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldViolation violation;
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            violation = new FieldViolation(path(unknown), "unknownField", "无法识别的字段“" + unknown.getPropertyName() + "”");
        } else if (e.getCause() instanceof InvalidFormatException format) {
            violation = new FieldViolation(path(format), "format", "取值“" + format.getValue() + "”的格式不正确");
        } else if (e.getCause() instanceof JsonMappingException mapping) {
            violation = new FieldViolation(path(mapping), "format", "字段内容无法识别");
        } else {
            violation = new FieldViolation("", "body", "请求内容不是有效的 JSON");
        }
        return ResponseEntity.badRequest().body(validationProblem(HttpStatus.BAD_REQUEST, "请求内容无法解析", List.of(violation)));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(validationProblem(HttpStatus.PAYLOAD_TOO_LARGE,
                "上传的文件过大", List.of(new FieldViolation("file", "attachment.tooLarge", "单次上传超过系统上限"))));
    }

    private static ProblemDetail validationProblem(HttpStatus status, String title, List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                violations.size() == 1 ? violations.get(0).message() : "共有 " + violations.size() + " 处错误，请逐项修改");
        problem.setType(VALIDATION);
        problem.setTitle(title);
        problem.setProperty("errors", violations);
        return problem;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
