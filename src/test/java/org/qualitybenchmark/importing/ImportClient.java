package org.qualitybenchmark.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Downloads templates, fills them with POI as a person would in Excel, uploads them and waits for the job. */
class ImportClient {

    private final TestRestTemplate rest;
    private final ObjectMapper json;

    ImportClient(TestRestTemplate rest, ObjectMapper json) {
        this.rest = rest;
        this.json = json;
    }

    ResponseEntity<byte[]> download(String user, String path) {
        return rest.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, byte[].class);
    }

    byte[] template(String user, String path) {
        ResponseEntity<byte[]> response = download(user, path);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " " + response.getStatusCode()).isTrue();
        return response.getBody();
    }

    /** The template with these rows filled in, each a map of heading to value (String or Number). */
    static byte[] fill(byte[] template, List<Map<String, Object>> rows) {
        return edit(template, workbook -> {
            Sheet data = workbook.getSheet(TemplateWriter.DATA_SHEET);
            List<String> headings = headings(data);
            int r = 1;
            for (Map<String, Object> values : rows) {
                Row row = data.getRow(r) == null ? data.createRow(r) : data.getRow(r);
                r++;
                values.forEach((heading, value) -> {
                    int c = headings.indexOf(heading);
                    if (c < 0) {
                        throw new IllegalArgumentException("No column " + heading + " in " + headings);
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (value != null) {
                        cell.setCellValue(value.toString());
                    }
                });
            }
        });
    }

    static List<String> headings(Sheet data) {
        List<String> headings = new ArrayList<>();
        Row head = data.getRow(0);
        for (int c = 0; c < head.getLastCellNum(); c++) {
            headings.add(head.getCell(c) == null ? null : head.getCell(c).getStringCellValue());
        }
        return headings;
    }

    static byte[] edit(byte[] file, Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of the data sheet as maps of heading to cell text. */
    static List<Map<String, String>> read(byte[] file) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet data = workbook.getSheet(TemplateWriter.DATA_SHEET);
            List<String> headings = headings(data);
            List<Map<String, String>> rows = new ArrayList<>();
            for (int r = 1; r <= data.getLastRowNum(); r++) {
                Row row = data.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> values = new java.util.LinkedHashMap<>();
                for (int c = 0; c < headings.size(); c++) {
                    values.put(headings.get(c), UploadedWorkbook.text(row.getCell(c)));
                }
                rows.add(values);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ResponseEntity<JsonNode> upload(String user, String kind, String campaign, String unit, String fileName,
            byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("kind", kind);
        if (campaign != null) {
            parts.add("campaign", campaign);
        }
        if (unit != null) {
            parts.add("unit", unit);
        }
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> response = rest.withBasicAuth(user, user).exchange("/api/imports", HttpMethod.POST,
                new HttpEntity<>(parts, headers), String.class);
        return ResponseEntity.status(response.getStatusCode()).body(parse(response.getBody()));
    }

    JsonNode job(String user, long id) {
        ResponseEntity<String> response = rest.withBasicAuth(user, user).exchange("/api/imports/" + id, HttpMethod.GET,
                null, String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
        return parse(response.getBody());
    }

    /** Uploads and waits until the job has finished; returns the finished job. */
    JsonNode importFile(String user, String kind, String campaign, String unit, byte[] content) {
        ResponseEntity<JsonNode> started = upload(user, kind, campaign, unit, "导入.xlsx", content);
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(202);
        return await(user, started.getBody().get("id").asLong());
    }

    JsonNode await(String user, long id) {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = job(user, id);
            if (job.get("finished").asBoolean()) {
                return job;
            }
            sleep(50);
        }
        throw new AssertionError("Import job " + id + " did not finish");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(body);
        }
    }
}
