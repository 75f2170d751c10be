package com.nexo.imports.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the import jobs ({@code nexo.imports.*}).
 *
 * @param loadRows rows copied into staging per committed chunk of the load
 * @param applyRows rows handed to a target per committed chunk
 * @param workers imports that run at the same time on one node (further ones wait their turn)
 * @param lease how long a node holds a running import without renewing it; after that the import
 *     counts as interrupted (its node stopped or stalled) and another node takes it over
 * @param maxFileBytes the largest file accepted
 * @param sweep how often a running node looks for interrupted imports to take over (besides once at
 *     start-up); zero: only at start-up
 */
@ConfigurationProperties("nexo.imports")
record ImportJobSettings(int loadRows, int applyRows, int workers, Duration lease, long maxFileBytes, Duration sweep) {

    ImportJobSettings {
        loadRows = loadRows > 0 ? loadRows : 20_000;
        applyRows = applyRows > 0 ? applyRows : 5_000;
        workers = workers > 0 ? workers : 2;
        lease = lease != null ? lease : Duration.ofSeconds(60);
        maxFileBytes = maxFileBytes > 0 ? maxFileBytes : 512L * 1024 * 1024;
        sweep = sweep != null && !sweep.isNegative() ? sweep : Duration.ofSeconds(30);
    }
}
