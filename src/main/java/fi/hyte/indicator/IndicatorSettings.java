package fi.hyte.indicator;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the knowledge base (environment variables in brackets).
 *
 * @param sotkanetBaseUrl Sotkanet REST 1.1 (HYTE_SOTKANET_BASE_URL)
 * @param refreshCron when to refresh from Sotkanet, a Spring cron expression, "-" for never (HYTE_SOTKANET_REFRESH_CRON)
 * @param timeout how long one Sotkanet request may take
 * @param retries how many times a failed request is tried again, with doubling pauses
 * @param concurrency how many requests run against Sotkanet at once
 * @param maxImportBytes the largest file accepted for import (HYTE_MAX_IMPORT_BYTES)
 */
@ConfigurationProperties("hyte.indicators")
public record IndicatorSettings(
        String sotkanetBaseUrl,
        String refreshCron,
        Duration timeout,
        int retries,
        Duration retryPause,
        int concurrency,
        long maxImportBytes) {}
