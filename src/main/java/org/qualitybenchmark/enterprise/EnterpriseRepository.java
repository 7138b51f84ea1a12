package org.qualitybenchmark.enterprise;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EnterpriseRepository extends JpaRepository<Enterprise, Long> {

    Optional<Enterprise> findByUscc(String uscc);
}
