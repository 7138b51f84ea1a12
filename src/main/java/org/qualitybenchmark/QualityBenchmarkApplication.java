package org.qualitybenchmark;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QualityBenchmarkApplication {

    public static void main(String[] args) {
        SpringApplication.run(QualityBenchmarkApplication.class, args);
    }
}
