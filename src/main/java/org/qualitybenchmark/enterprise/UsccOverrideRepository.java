package org.qualitybenchmark.enterprise;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UsccOverrideRepository extends JpaRepository<UsccOverride, Long> {

    Optional<UsccOverride> findByUscc(String uscc);
}
